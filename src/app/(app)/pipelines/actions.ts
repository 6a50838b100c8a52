'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/server/action';
import {
  addLostReason, addStage, copyPipeline, copyPipelineInput, createPipeline, lostReasonInput, lostReasonUpdateInput, moveStage, pipelineInput, removeStage, renamePipeline,
  stageInput, updateLostReason, updateStage,
} from '@/server/pipelines';
import { LOCALES } from '@/server/i18n/locales';
import { namesFrom } from '@/lib/local-name';
import { optionalUuid, requiredText, uuid } from '@/server/validation';

const refresh = () => revalidatePath('/pipelines');

export const createPipelineAction = formAction(pipelineInput, ({ db, actor, input }) => createPipeline(db, actor, input), refresh);
export const copyPipelineAction = formAction(copyPipelineInput, ({ db, actor, input }) => copyPipeline(db, actor, input), refresh);
export const renamePipelineAction = formAction(z.object({ id: uuid, name: requiredText(120) }), ({ db, actor, input }) => renamePipeline(db, actor, input.id, input.name), refresh);
export const addStageAction = formAction(stageInput.extend({ pipelineId: uuid }), ({ db, actor, input }) => addStage(db, actor, input.pipelineId, input), refresh);
export const updateStageAction = formAction(stageInput.extend({ stageId: uuid }), ({ db, actor, input }) => updateStage(db, actor, input.stageId, input), refresh);
export const moveStageAction = formAction(z.object({ stageId: uuid, direction: z.enum(['up', 'down']) }), ({ db, actor, input }) => moveStage(db, actor, input.stageId, input.direction), refresh);
export const removeStageAction = formAction(z.object({ stageId: uuid, moveToStageId: optionalUuid }), ({ db, actor, input }) => removeStage(db, actor, input.stageId, input.moveToStageId), refresh);

export const addLostReasonAction = formAction(lostReasonInput, ({ db, actor, input }) => addLostReason(db, actor, input.name, namesFrom(input, LOCALES)), refresh);
export const updateLostReasonAction = formAction(
  lostReasonUpdateInput,
  ({ db, actor, input }) => updateLostReason(db, actor, input.id, { name: input.name, names: namesFrom(input, LOCALES), active: input.active }),
  refresh,
);
