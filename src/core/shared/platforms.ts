// Per-platform implementations of a port (how nudges, suggestions or digests look in Slack vs
// Teams), filled by each door at start through Core.registerPlatform.
import type { Platform, Workspace } from "./model.js";

export class PlatformRegistry<T> {
  private readonly items: Partial<Record<Platform, T>> = {};

  constructor(private readonly feature: string) {}

  register(platform: Platform, item: T): void {
    this.items[platform] = item;
  }

  /** The implementation for a platform, if its door registered one. */
  find(platform: Platform): T | undefined {
    return this.items[platform];
  }

  /** The implementation for the workspace's platform; a clear error when its door is not running. */
  for(workspace: Workspace): T {
    const item = this.items[workspace.platform];
    if (!item) throw new Error(`${this.feature} is not set up for ${workspace.platform}`);
    return item;
  }
}
