import { Type } from '@sinclair/typebox'
import { MDOListItem, ProblemDetails } from '../model.ts'
import { commonErrors } from './common.ts'
import { defineOperations } from './define.ts'
import { problemTypes } from './media-types.ts'

/** The MDO lists this service serves; any other name is 404. */
export const mdoListNames = [
  'associate',
  'ejcategory',
  'ticketpriority',
  'ticketstatus',
  'person_new',
  'sale',
  'project',
  'tickettype',
] as const
export type MdoListName = (typeof mdoListNames)[number]

export const mdoOps = defineOperations({
  MDOList_GetList: {
    method: 'get',
    path: '/api/v1/MDOList/{listname}',
    summary: 'Gets the items of an MDO list',
    tags: ['MDOList'],
    params: Type.Object({
      listname: Type.String({ description: `One of ${mdoListNames.join(', ')}` }),
    }),
    query: Type.Object({
      flat: Type.Optional(Type.Boolean({ description: 'Flatten tree lists.' })),
      query: Type.Optional(
        Type.String({ description: 'Case-insensitive substring match on names; implies flat.' })
      ),
    }),
    responses: {
      200: { description: 'The list items.', schema: Type.Array(MDOListItem) },
      ...commonErrors,
      404: { description: 'Unknown list.', schema: ProblemDetails, mediaTypes: problemTypes },
    },
  },
})
