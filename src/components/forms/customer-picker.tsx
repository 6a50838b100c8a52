'use client';

import { useEffect, useId, useState } from 'react';
import { FieldError, useFormState } from './action-form';
import { SelectField, TextField } from './fields';

type Hit = { id: string; name: string; territory: string | null };
type Labels = { label: string; placeholder: string; create: string; change: string; contact: string; noContact: string };
type Contact = { id: string; name: string; isPrimary: boolean };
type Option = { value: string; label: string };
/** What a rep has at hand about a new customer, and where it goes (their own territory unless changed). */
export type NewCustomerSetup = {
  territories: Option[];
  territoryId: string | null;
  labels: { contactPerson: string; phone: string; email: string; taxId: string; branch: string; branchHint: string; territory: string; noTerritory: string };
};

/**
 * Finds a customer as you type (server search, scoped to what you may see), or names a new one
 * to be created with the deal. Sends `customerId` or `newCustomerName`.
 */
export function CustomerPicker({ labels, initial, newCustomer }: { labels: Labels; initial?: { id: string; name: string }; newCustomer?: NewCustomerSetup }) {
  const id = useId();
  const state = useFormState();
  const echoed = state.status === 'error' ? state.values : undefined;
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(
    echoed?.customerId && typeof echoed.customerId === 'string' ? { id: echoed.customerId, name: String(echoed.customerName ?? '') } : (initial ?? null),
  );
  const [newName, setNewName] = useState(typeof echoed?.newCustomerName === 'string' ? echoed.newCustomerName : '');
  // The contact the user had picked, when the form comes back with an error.
  const echoedContact = typeof echoed?.contactId === 'string' ? echoed.contactId : undefined;
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const error = Boolean(state.fieldErrors?.customerId ?? state.fieldErrors?.newCustomerName);
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const chosenId = chosen?.id;

  // Once a customer is chosen, offer its contacts.
  useEffect(() => {
    if (!chosenId) return;
    const ctl = new AbortController();
    fetch(`/api/customers/${chosenId}/contacts`, { signal: ctl.signal })
      .then((r) => (r.ok ? r.json() : []))
      .then(setContacts)
      .catch(() => {});
    return () => ctl.abort();
  }, [chosenId]);

  useEffect(() => {
    if (chosen || newName || q.trim().length < 2) return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetch(`/api/customers/search?q=${encodeURIComponent(q.trim())}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : []))
        .then(setHits)
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q, chosen, newName]);

  const reset = () => {
    setContacts(null);
    setChosen(null);
    setNewName('');
    setHits([]);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">{labels.label}</label>
      <input type="hidden" name="customerId" value={chosen?.id ?? ''} />
      <input type="hidden" name="customerName" value={chosen?.name ?? ''} />
      <input type="hidden" name="newCustomerName" value={chosen ? '' : newName} />
      {chosen || newName ? (
        <div className="flex items-center gap-2">
          <span className="input bg-slate-50" data-testid="chosen-customer">{chosen ? chosen.name : `${labels.create}: ${newName}`}</span>
          <button type="button" className="btn-secondary" onClick={reset}>{labels.change}</button>
        </div>
      ) : (
        <>
          <input id={id} value={q} onChange={(e) => setQ(e.target.value)} placeholder={labels.placeholder} className="input" autoComplete="off" aria-invalid={error ? true : undefined} />
          {q.trim().length >= 2 ? (
            <ul className="rounded-md border border-slate-200 bg-white text-sm" role="listbox">
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" role="option" aria-selected={false} className="w-full px-3 py-2 text-left hover:bg-slate-100" onClick={() => setChosen({ id: h.id, name: h.name })}>
                    {h.name} {h.territory ? <span className="text-slate-500">· {h.territory}</span> : null}
                  </button>
                </li>
              ))}
              <li>
                <button type="button" className="w-full px-3 py-2 text-left font-medium text-indigo-700 hover:bg-slate-100" onClick={() => setNewName(q.trim())}>
                  {labels.create}: {q.trim()}
                </button>
              </li>
            </ul>
          ) : null}
        </>
      )}
      <FieldError name="customerId" />
      <FieldError name="newCustomerName" />
      {!chosen && newName && newCustomer ? <NewCustomerFields setup={newCustomer} /> : null}
      {chosen && contacts?.length ? (
        <label className="mt-2 flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">{labels.contact}</span>
          <select name="contactId" defaultValue={contacts.some((c) => c.id === echoedContact) ? echoedContact : (contacts.find((c) => c.isPrimary)?.id ?? '')} className="input">
            <option value="">{labels.noContact}</option>
            {contacts.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          <FieldError name="contactId" />
        </label>
      ) : (
        <input type="hidden" name="contactId" value="" />
      )}
    </div>
  );
}

/** The new customer's details, sent with the deal; the contact person becomes its primary contact. */
function NewCustomerFields({ setup: { labels: l, territories, territoryId } }: { setup: NewCustomerSetup }) {
  return (
    <div className="mt-2 grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2" data-testid="new-customer-fields">
      <TextField name="newCustomerContact" label={l.contactPerson} autoComplete="off" />
      <TextField name="newCustomerPhone" label={l.phone} type="tel" inputMode="tel" />
      <TextField name="newCustomerEmail" label={l.email} type="email" inputMode="email" />
      <TextField name="newCustomerTaxId" label={l.taxId} />
      <TextField name="newCustomerBranch" label={l.branch} hint={l.branchHint} />
      <SelectField name="newCustomerTerritoryId" label={l.territory} options={territories} emptyLabel={l.noTerritory} defaultValue={territoryId ?? ''} />
    </div>
  );
}
