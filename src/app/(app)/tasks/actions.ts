'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { createTask, setTaskDone, taskInput } from '@/server/tasks';
import { markAllRead } from '@/server/notifications';
import { uuid } from '@/server/validation';

export const createTaskAction = formAction(taskInput, ({ db, actor, input }) => createTask(db, actor, input), () => revalidatePath('/tasks'));

export const taskDoneAction = formAction(
  z.object({ id: uuid, done: z.enum(['true', 'false']) }),
  ({ db, actor, input }) => setTaskDone(db, actor, input.id, input.done === 'true'),
  () => revalidatePath('/tasks'),
);

export const markAllReadAction = formAction(z.object({}), ({ db, actor }) => markAllRead(db, actor), () => revalidatePath('/', 'layout'));
