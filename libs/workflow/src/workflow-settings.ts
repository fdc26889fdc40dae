import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Reads of the workflow's settings as they stood at one version. */
export interface SettingsReads {
  /** The value read under `key` at this version, read now when it is not kept yet. */
  get<V>(key: string, read: () => Promise<V>): Promise<V>;
}

/**
 * The workflow's settings (routing rules, SLA policies, calendars and which team uses which) kept
 * in memory while they do not change. A trigger moves `workflow_settings_version` with every change,
 * in the changing transaction, so one small read tells whether what is kept is current: a ticket
 * routed right after an edit follows it, without the settings being read for every ticket.
 */
@Injectable()
export class WorkflowSettings {
  private version: string | null = null;
  private kept = new Map<string, Promise<unknown>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(): Promise<SettingsReads> {
    const [row]: { version: string }[] = await this.dataSource.query('SELECT version FROM workflow_settings_version');
    if (row.version !== this.version) {
      this.version = row.version;
      this.kept = new Map();
    }
    // Reads started under this version stay with it, even when another caller has seen a newer one meanwhile.
    return keptReads(this.kept);
  }
}

/** Reads kept in `kept`: one read per key (concurrent callers share it); a failed read is not kept, so the next caller reads again. */
export function keptReads(kept: Map<string, Promise<unknown>>): SettingsReads {
  return {
    get<V>(key: string, read: () => Promise<V>): Promise<V> {
      const known = kept.get(key) as Promise<V> | undefined;
      if (known) return known;
      const value = read();
      kept.set(key, value);
      value.catch(() => {
        if (kept.get(key) === value) kept.delete(key);
      });
      return value;
    },
  };
}
