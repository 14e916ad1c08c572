import { Type } from '@sinclair/typebox'
import { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { parseXml } from './parse-xml.ts'
import { valueToXml } from './value-to-xml.ts'
import { xmlToValue } from './xml-to-value.ts'

const read = (xml: string, schema = TicketEntity) => {
  const parsed = parseXml(xml)
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.problem))
  }
  return xmlToValue(parsed.node, schema, 65)
}

describe('entity XML out', () => {
  it('wraps arrays with items named after the item carrier and writes null as xsi:nil', () => {
    const xml = valueToXml(
      {
        TicketId: 7,
        Title: 'a < b & "c"',
        OwnedBy: null,
        HasAttachment: false,
        Tags: [{ Id: 1, Name: 'vip' }],
        SecondaryPersons: [{ PersonId: 3 }, { PersonId: 4 }],
        Messages: [],
        CustomFields: { 'custom.1': 'x', 'SuperOffice:2': '' },
      },
      'TicketEntity',
      TicketEntity
    )
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>' +
        '<TicketEntity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<TicketId>7</TicketId><Title>a &lt; b &amp; &quot;c&quot;</Title>' +
        '<OwnedBy xsi:nil="true"/><HasAttachment>false</HasAttachment>' +
        '<Tags><Tag><Id>1</Id><Name>vip</Name></Tag></Tags>' +
        '<SecondaryPersons><Person><PersonId>3</PersonId></Person><Person><PersonId>4</PersonId></Person></SecondaryPersons>' +
        '<Messages/>' +
        '<CustomFields><KeyValue><Key>custom.1</Key><Value>x</Value></KeyValue>' +
        '<KeyValue><Key>SuperOffice:2</Key><Value/></KeyValue></CustomFields>' +
        '</TicketEntity>'
    )
  })

  it('names a list root ArrayOf… with one element per item, and a null root is nil', () => {
    const list = Type.Array(TicketEntity)
    expect(valueToXml([{ TicketId: 1 }, { TicketId: 2 }], 'ArrayOfTicketEntity', list)).toContain(
      '<ArrayOfTicketEntity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><TicketEntity><TicketId>1</TicketId></TicketEntity><TicketEntity><TicketId>2</TicketId></TicketEntity></ArrayOfTicketEntity>'
    )
    expect(valueToXml(null, 'TicketEntity', TicketEntity)).toContain(
      '<TicketEntity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'
    )
  })

  it('sends characters XML cannot carry as U+FFFD, and keeps CR through a round trip', () => {
    const xml = valueToXml({ Title: 'a\u0001b\r\nc' }, 'TicketEntity', TicketEntity)
    expect(read(xml)).toEqual({ Title: 'a\uFFFDb\r\nc' })
  })
})

describe('entity XML in', () => {
  it('types scalars by the schema and reads wrapped arrays whatever their items are called', () => {
    const value = read(
      `<?xml version="1.0"?>
      <TicketEntity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <TicketId>0</TicketId>
        <Title>  007  </Title>
        <Deadline xsi:nil="true"/>
        <HasAttachment>1</HasAttachment>
        <BaseStatus>2</BaseStatus>
        <OwnedBy><AssociateId>5</AssociateId></OwnedBy>
        <Tags><Tag><Name>x</Name></Tag><item><Name>y</Name></item></Tags>
        <SecondaryPersons/>
        <CustomFields><KeyValue><Key>a.b</Key><Value>1</Value></KeyValue><plain>2</plain></CustomFields>
        <Unknown><Deep>1</Deep></Unknown>
      </TicketEntity>`
    )
    expect(value).toEqual({
      TicketId: 0,
      Title: '  007  ',
      Deadline: null,
      HasAttachment: true,
      BaseStatus: 2,
      OwnedBy: { AssociateId: 5 },
      Tags: [{ Name: 'x' }, { Name: 'y' }],
      SecondaryPersons: [],
      CustomFields: { 'a.b': '1', plain: '2' },
      Unknown: { Deep: '1' },
    })
  })

  it('matches element names case-insensitively to the schema, like JSON properties', () => {
    expect(
      read('<ticketEntity><ticketId>3</ticketId><tags><tag><id>4</id></tag></tags></ticketEntity>')
    ).toEqual({
      ticketId: 3,
      tags: [{ id: 4 }],
    })
  })

  it('leaves text that does not fit its type as text, for validation to report', () => {
    expect(
      read('<TicketEntity><TicketId>seven</TicketId><OwnedBy>5</OwnedBy></TicketEntity>')
    ).toEqual({
      TicketId: 'seven',
      OwnedBy: '5',
    })
  })
})

describe('parseXml refuses', () => {
  it.each([
    ['a DOCTYPE', '<!DOCTYPE TicketEntity><TicketEntity/>', 'doctype'],
    [
      'an entity declaration',
      '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x "boom">]><t>&x;</t>',
      'doctype',
    ],
    ['a lower-case doctype', '<!doctype t SYSTEM "file:///etc/passwd"><t/>', 'doctype'],
    ['unclosed tags', '<TicketEntity><Title>x</TicketEntity>', 'malformed'],
    ['text that is not XML', '{"Title":"json"}', 'malformed'],
    ['an undefined entity', '<t>&nbsp;</t>', 'entity'],
    ['a reference to NUL', '<t>&#0;</t>', 'entity'],
    ['a bare ampersand', '<t>a & b</t>', 'malformed'],
    ['two roots', '<a/><b/>', 'root'],
  ])('%s', (_name, xml, kind) => {
    const parsed = parseXml(xml)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.problem.kind).toBe(kind)
  })

  it('but accepts DOCTYPE-like text inside CDATA and comments', () => {
    const parsed = parseXml('<t><!-- <!DOCTYPE x> --><![CDATA[<!DOCTYPE y> & <z>]]></t>')
    expect(parsed).toEqual({ ok: true, root: 't', node: '<!DOCTYPE y> & <z>' })
  })
})
