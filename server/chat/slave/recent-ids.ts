/** A bounded set of recently delivered message ids: the relay and a resync may both bring the same one. */
export class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 5000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** True the first time an id is seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return true;
  }
}
