import { eq } from 'drizzle-orm'
import { describe, expect, onTestFinished, test, vi } from 'vitest'
import { createApp } from '../app.ts'
import { tablesOf } from '../db/tables-of.ts'
import { BREACH_HEADER, validateAgainstDocument } from '../test/contract/validated-app.ts'
import { listen } from '../test/listen.ts'
import { notificationsApp } from '../test/notifications/app.ts'
import { waitForOutbox } from '../test/notifications/commit-change.ts'
import { openSse } from '../test/notifications/sse-client.ts'
import { basicHeader, call } from '../test/requests.ts'
import { createNotificationsModule } from './notifications-module.ts'

/** The app served over real HTTP, with a notifications module whose heartbeat is quick. */
async function liveApp() {
  const test = await notificationsApp()
  const module = createNotificationsModule(test.deps, { heartbeatMs: 50, pollMs: 50 })
  // Swap the harness's notifications module for one with a 50 ms heartbeat (the old one stopped
  // first, so one dispatcher runs); stopped again before the harness closes the store.
  const modules = await Promise.all(
    test.deps.modules.map(async (existing) => {
      if (existing.name !== 'notifications') {
        return existing
      }
      await existing.stop?.()
      return module
    })
  )
  module.start?.()
  onTestFinished(() => module.stop?.())
  const deps = { ...test.deps, modules }
  const app = validateAgainstDocument(createApp(deps))
  const { baseUrl } = await listen(app)
  return { ...test, app, module, baseUrl }
}

/** Two tickets saved for Anna with notify, Early then Late, and her two notifications of them. */
async function earlyAndLate({ app, store, anna }: Awaited<ReturnType<typeof liveApp>>) {
  const save = (title: string) =>
    call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: title,
      OwnedBy: { AssociateId: anna.id },
    })
  for (const title of ['Early', 'Late']) {
    await save(title)
  }
  await waitForOutbox(store)
  const list = await call(app, 'GET', '/api/v1/Notification', undefined, { auth: anna.auth })
  const [early, late] = [...list.body].sort(
    (a: { NotificationId: number }, b: { NotificationId: number }) =>
      a.NotificationId - b.NotificationId
  )
  return { save, early, late }
}

describe('GET /api/v1/Notification/Stream (Server-Sent Events)', { timeout: 30_000 }, () => {
  test('streams each new notification to its associate only, with heartbeats', async () => {
    const { app, baseUrl, anna, ola, module } = await liveApp()
    const url = `${baseUrl}/api/v1/Notification/Stream`
    const annaStream = await openSse(url, { authorization: basicHeader(anna.auth) })
    const olaStream = await openSse(url, { authorization: basicHeader(ola.auth) })
    expect(annaStream.status).toBe(200)
    expect(annaStream.contentType).toMatch(/^text\/event-stream/)

    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'Live',
      OwnedBy: { AssociateId: anna.id },
    })
    expect(saved.status).toBe(200)
    const [event] = await annaStream.next(1)
    expect(event?.event).toBe('notification')
    const notification = JSON.parse(event?.data ?? '{}')
    expect(notification).toMatchObject({
      AssociateId: anna.id,
      TicketId: saved.body.TicketId,
      Event: 'NewTicket',
      Read: false,
    })
    expect(event?.id).toBe(String(notification.NotificationId))

    await vi.waitFor(() => expect(annaStream.comments).toContain('heartbeat'), { timeout: 10_000 })
    expect(olaStream.events).toEqual([])
    expect(module.hub.subscriberCount(anna.id)).toBe(1)
  })

  test('Last-Event-ID replays what was missed; a client leaving unsubscribes', async () => {
    const { app, baseUrl, store, anna, module } = await liveApp()
    for (const title of ['One', 'Two', 'Three']) {
      await call(app, 'POST', '/api/v1/Ticket?notify=true', {
        Title: title,
        OwnedBy: { AssociateId: anna.id },
      })
    }
    await waitForOutbox(store)
    const list = await call(app, 'GET', '/api/v1/Notification', undefined, { auth: anna.auth })
    const ids = list.body.map((n: { NotificationId: number }) => n.NotificationId).sort()
    expect(ids).toHaveLength(3)

    const stream = await openSse(`${baseUrl}/api/v1/Notification/Stream`, {
      authorization: basicHeader(anna.auth),
      'last-event-id': String(ids[0]),
    })
    const replayed = await stream.next(2)
    expect(replayed.map((e) => Number(e.id))).toEqual(ids.slice(1))
    expect(replayed.map((e) => JSON.parse(e.data).Title)).toEqual([
      expect.stringContaining('Two'),
      expect.stringContaining('Three'),
    ])
    expect(module.hub.subscriberCount(anna.id)).toBe(1)
    stream.close()
    await vi.waitFor(() => expect(module.hub.subscriberCount(anna.id)).toBe(0), {
      timeout: 10_000,
    })
  })

  test('a notification that commits after a higher one keeps the resume point, so resuming sends nothing twice', async () => {
    const live = await liveApp()
    const { baseUrl, anna, module } = live
    const { save, early, late } = await earlyAndLate(live)
    const url = `${baseUrl}/api/v1/Notification/Stream`
    const first = await openSse(url, { authorization: basicHeader(anna.auth) })
    await vi.waitFor(() => expect(first.comments).toContain('connected'), { timeout: 10_000 })
    // On PostgreSQL ids are taken at insert, so the higher id can reach the feed first.
    module.hub.publish(late)
    module.hub.publish(early)
    const events = await first.next(2)
    expect(events.map((e) => JSON.parse(e.data).NotificationId)).toEqual([
      late.NotificationId,
      early.NotificationId,
    ])
    expect(events.map((e) => e.id)).toEqual([
      String(late.NotificationId),
      String(late.NotificationId),
    ])
    first.close()

    const resumed = await openSse(url, {
      authorization: basicHeader(anna.auth),
      'last-event-id': events.at(-1)?.id ?? '',
    })
    const next = (await save('Next')).body.TicketId
    const [event] = await resumed.next(1)
    expect(JSON.parse(event?.data ?? '{}').TicketId).toBe(next)
    resumed.close()
  })

  test('a notification below the resume point that commits after it went out is sent on resume, and nothing twice', async () => {
    const live = await liveApp()
    const { baseUrl, store, anna, ola } = live
    const { save, early, late } = await earlyAndLate(live)
    const n = tablesOf(store.db).notifications
    const owner = (notificationId: number, associateId: number) =>
      store.db.update(n).set({ associateId }).where(eq(n.notificationId, notificationId))
    // On PostgreSQL ids are taken at insert: Early's transaction has not committed yet when the
    // first stream reads its backlog (its row is someone else's until then).
    await owner(early.NotificationId, ola.id)
    const url = `${baseUrl}/api/v1/Notification/Stream`
    const first = await openSse(url, {
      authorization: basicHeader(anna.auth),
      'last-event-id': String(early.NotificationId - 1),
    })
    const [sent] = await first.next(1)
    expect(JSON.parse(sent?.data ?? '{}').NotificationId).toBe(late.NotificationId)
    first.close()
    await owner(early.NotificationId, anna.id)

    const resumed = await openSse(url, {
      authorization: basicHeader(anna.auth),
      'last-event-id': sent?.id ?? '',
    })
    const next = (await save('Next')).body.TicketId
    const events = await resumed.next(2)
    expect(events.map((e) => JSON.parse(e.data).NotificationId)[0]).toBe(early.NotificationId)
    expect(JSON.parse(events[1]?.data ?? '{}').TicketId).toBe(next)
    resumed.close()
  })

  test('a malformed Last-Event-ID is a 400', async () => {
    const { baseUrl, anna } = await liveApp()
    const res = await fetch(`${baseUrl}/api/v1/Notification/Stream`, {
      headers: {
        authorization: basicHeader(anna.auth),
        'last-event-id': 'yesterday',
        [BREACH_HEADER]: 'rejected',
      },
    })
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0].path).toBe('/headers/Last-Event-ID')
  })

  test('shutdown ends every open stream cleanly', async () => {
    const { baseUrl, anna, module } = await liveApp()
    const stream = await openSse(`${baseUrl}/api/v1/Notification/Stream`, {
      authorization: basicHeader(anna.auth),
    })
    await vi.waitFor(() => expect(stream.comments).toContain('connected'), { timeout: 10_000 })
    await module.stop?.()
    await expect(
      Promise.race([
        stream.ended.then(() => 'ended'),
        new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000)),
      ])
    ).resolves.toBe('ended')
    expect(module.hub.subscriberCount(anna.id)).toBe(0)
  })
})
