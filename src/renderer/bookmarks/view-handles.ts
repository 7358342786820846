import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import type { GlandBookmarkView, PhysiologyBookmarkView } from '../../shared/bookmarks';

/**
 * How a view lets a bookmark read what it shows and show it again. The views fill in a slot once
 * they can do both (the gland once its anatomy is generated) and empty it when they go away.
 */
export interface GlandViewHandle {
  /** What the gland view shows now; null while the camera is not there yet. */
  capture(): GlandBookmarkView | null;
  /** Shows a saved view: layout, layers, x-ray, cut, selection and close-up, then the camera. */
  restore(view: GlandBookmarkView): void;
  /** The gland being shown, to name the structures a bookmark saved. */
  readonly anatomy: GlandAnatomy;
}

export interface PhysiologyViewHandle {
  capture(): PhysiologyBookmarkView;
  /** Goes to the saved scenario and moment of life (any feed under way stops). */
  restore(view: PhysiologyBookmarkView): void;
}

/** What a view is given: a place to put its handle. */
export interface HandleSlot<T> {
  current: T | null;
}

/**
 * A slot that can wait: "Go to" may switch views, and the view it needs mounts (and, for the
 * physiology view, is fetched) later. The last request waiting runs as soon as a handle arrives.
 */
export class ViewHandleSlot<T> implements HandleSlot<T> {
  private handle: T | null = null;
  private waiting: ((handle: T) => void) | null = null;

  get current(): T | null {
    return this.handle;
  }

  set current(handle: T | null) {
    this.handle = handle;
    const waiting = this.waiting;
    if (handle && waiting) {
      this.waiting = null;
      waiting(handle);
    }
  }

  /** Runs `apply` with the handle now if there is one, else once a view fills the slot (replacing an earlier request). */
  whenReady(apply: (handle: T) => void): void {
    if (this.handle) {
      this.waiting = null;
      apply(this.handle);
    } else this.waiting = apply;
  }

  /** Forgets a request still waiting (another "Go to" to the other view came first). */
  cancel(): void {
    this.waiting = null;
  }
}
