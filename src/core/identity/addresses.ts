// Where a platform can reach a person proactively (a Teams conversation reference), kept per
// member. The door produces and reads the reference; the core stores it and says when it is new.
import type { Member, Workspace } from "../shared/model.js";
import type { AddressStore, StoredAddress } from "./ports.js";
import type { IdentityService } from "./service.js";

export class AddressBook {
  constructor(
    private readonly store: AddressStore,
    private readonly identity: IdentityService,
  ) {}

  get(member: Pick<Member, "id">): Promise<StoredAddress | null> {
    return this.store.get(member.id);
  }

  /**
   * Stores the member's reference when it is new, changed or was switched off. Returns true when
   * it was not usable before (so the door greets once per installation, not on every message).
   */
  async remember(member: Pick<Member, "id">, reference: string): Promise<boolean> {
    const stored = await this.store.get(member.id);
    if (stored?.active && stored.reference === reference) return false;
    await this.store.save(member.id, reference);
    return !stored?.active;
  }

  /** The platform said the person is gone (app removed): later deliveries fail at once. */
  deactivate(member: Pick<Member, "id">): Promise<void> {
    return this.store.deactivate(member.id);
  }

  /** Stored references of the workspace's leaders and admins: where the platform's endpoints can be learned after a restart. */
  async ofLeadsAndAdmins(workspace: Workspace): Promise<string[]> {
    const references: string[] = [];
    for (const member of await this.identity.leadsAndAdmins(workspace)) {
      const stored = await this.store.get(member.id);
      if (stored) references.push(stored.reference);
    }
    return references;
  }
}
