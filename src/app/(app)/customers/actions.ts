'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { addContact, createCustomer, deleteContact, deleteCustomer, updateContact, updateCustomer } from '@/server/customers/commands';
import { contactInput, customerInput } from '@/server/customers/schemas';
import { uuid, version } from '@/server/validation';

export const createCustomerAction = formAction(
  customerInput,
  ({ db, actor, input }) => createCustomer(db, actor, input),
  (id) => redirect(`/customers/${id}`),
);

export const updateCustomerAction = formAction(
  customerInput.extend({ id: uuid, version }),
  ({ db, actor, input }) => updateCustomer(db, actor, input.id, input.version, input),
  (_r, { input }) => redirect(`/customers/${input.id}`),
);

export const deleteCustomerAction = formAction(
  z.object({ id: uuid }),
  ({ db, actor, input }) => deleteCustomer(db, actor, input.id),
  () => redirect('/customers'),
);

export const addContactAction = formAction(
  contactInput.extend({ customerId: uuid }),
  ({ db, actor, input }) => addContact(db, actor, input.customerId, input),
  (_r, { input }) => revalidatePath(`/customers/${input.customerId}`),
);

export const updateContactAction = formAction(
  contactInput.extend({ contactId: uuid, customerId: uuid }),
  ({ db, actor, input }) => updateContact(db, actor, input.contactId, input),
  (_r, { input }) => revalidatePath(`/customers/${input.customerId}`),
);

export const deleteContactAction = formAction(
  z.object({ contactId: uuid, customerId: uuid }),
  ({ db, actor, input }) => deleteContact(db, actor, input.contactId),
  (_r, { input }) => revalidatePath(`/customers/${input.customerId}`),
);
