import type { Notification } from '@ticket/schema'

type Listener = (notification: Notification) => void

/**
 * Live subscribers of in-app notifications, per associate, in this process. The relay publishes
 * what the change feed announces; `resync` tells every stream that announcements may have been
 * lost; `close` ends every stream on shutdown.
 */
export class LiveHub {
  private readonly listeners = new Map<number, Set<Listener>>()
  private readonly closers = new Set<() => void>()
  private readonly resyncers = new Set<() => void>()
  private closed = false

  /**
   * Returns the unsubscribe function. `onClose` runs if the hub closes first; `onResync` when
   * the stream must re-read what it may have missed.
   */
  subscribe(
    associateId: number,
    listener: Listener,
    onClose: () => void,
    onResync?: () => void
  ): () => void {
    if (this.closed) {
      onClose()
      return () => {}
    }
    let set = this.listeners.get(associateId)
    if (!set) {
      set = new Set()
      this.listeners.set(associateId, set)
    }
    set.add(listener)
    this.closers.add(onClose)
    if (onResync) {
      this.resyncers.add(onResync)
    }
    return () => {
      set.delete(listener)
      if (set.size === 0) {
        this.listeners.delete(associateId)
      }
      this.closers.delete(onClose)
      if (onResync) {
        this.resyncers.delete(onResync)
      }
    }
  }

  resync(): void {
    for (const resync of [...this.resyncers]) {
      resync()
    }
  }

  publish(notification: Notification): void {
    for (const listener of this.listeners.get(notification.AssociateId) ?? []) {
      listener(notification)
    }
  }

  subscriberCount(associateId: number): number {
    return this.listeners.get(associateId)?.size ?? 0
  }

  close(): void {
    this.closed = true
    for (const close of [...this.closers]) {
      close()
    }
    this.closers.clear()
    this.resyncers.clear()
    this.listeners.clear()
  }
}
