/**
 * A free list of display objects. Layers take objects from it when an entity appears and give them back when it
 * goes, instead of destroying and re-creating them (PixiJS leak reports concern exactly that churn).
 */
import type { Container, DestroyOptions } from 'pixi.js';

export class DisplayPool<T extends Container> {
  private readonly free: T[] = [];
  /** Objects ever created by this pool (in use + free). */
  created = 0;

  constructor(private readonly make: () => T) {}

  acquire(): T {
    const item = this.free.pop();
    if (item) {
      item.visible = true;
      return item;
    }
    this.created++;
    return this.make();
  }

  /** Detaches the object and keeps it for reuse. */
  release(item: T): void {
    item.removeFromParent();
    item.visible = false;
    this.free.push(item);
  }

  get freeCount(): number {
    return this.free.length;
  }

  /** Destroys the free objects; pass `context: true` only when each object owns its GraphicsContext. */
  destroy(options: DestroyOptions = { children: true }): void {
    for (const item of this.free) item.destroy(options);
    this.free.length = 0;
  }
}
