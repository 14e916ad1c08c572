import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, DateTime, Int32, Text } from '../common/types.ts'

/**
 * A project a ticket may be connected to.
 * @example { ProjectId: 4, Name: 'Website relaunch', ProjectNumber: 'P-0004' }
 */
export const Project = Type.Object(
  {
    ProjectId: Int32('Primary key'),
    Name: Text('Project name', 255),
    Description: Text('The project description', 2000),
    URL: Text('URL of the project', 1000),
    Type: Text('Project type name', 255),
    AssociateId: Int32('The project owner'),
    AssociateFullName: Text('Full name of the project owner', 255),
    TypeId: Int32('Project type id'),
    Updated: DateTime({ description: 'Last updated (UTC)' }),
    StatusId: Int32('Project status id'),
    Status: Text('Project status name', 255),
    TextId: Int32('Id of the project text'),
    PublishTo: DateTime({ description: 'Publish until this date' }),
    PublishFrom: DateTime({ description: 'Publish from this date' }),
    IsPublished: Bool('Whether the project is published'),
    URLName: Text('Display name of the URL', 255),
    ProjectNumber: Text('The project number', 255),
    ActiveErpLinks: Int32('The number of active ERP links'),
    ...rightsProperties(),
  },
  { $id: 'Project', description: 'A project.' }
)
export type Project = Static<typeof Project>
