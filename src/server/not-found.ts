import 'server-only';
import { notFound } from 'next/navigation';
import { DomainError } from './errors';

/** For pages: a record that is missing or out of scope renders the 404 page; ids leak nothing. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof DomainError && (e.code === 'notFound' || e.code === 'forbidden')) notFound();
    throw e;
  }
}
