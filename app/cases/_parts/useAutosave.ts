/**
 * Saving a draft as the person types: edits are queued and sent (debounced, one `saveDraft` at a
 * time, each on top of the row version the last one returned), with a copy in localStorage so a
 * reload in the middle of typing loses nothing. A copy restored from this browser is saved at once;
 * hiding the page saves too. A refused save because someone else changed the case is a conflict.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient, errorMessage } from "@/app/_trpc/client";
import { formatTime } from "@/app/_components/format";
import type { FormsData } from "./editorSteps";

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "local" }
  | { kind: "error"; message: string };

/** What the client sees of a refused tRPC call. */
export interface TrpcLikeError {
  message?: string;
  data?: { code?: string; fieldErrors?: { path: string; message: string }[] } | null;
}

const SAVE_DELAY_MS = 700;
const backupKey = (id: string) => `hrss:draft:${id}`;

interface Backup {
  rowVersion: number;
  formData: FormsData;
}

function readBackup(id: string, rowVersion: number): FormsData | null {
  if (typeof window === "undefined") return null;
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    if (!raw) return null;
    const backup = JSON.parse(raw) as Backup;
    // Only edits made on top of what the server holds now; a newer server copy wins.
    return backup.rowVersion === rowVersion ? backup.formData : null;
  } catch {
    return null;
  }
}

function writeBackup(id: string, backup: Backup | null) {
  try {
    if (backup) window.localStorage.setItem(backupKey(id), JSON.stringify(backup));
    else window.localStorage.removeItem(backupKey(id));
  } catch {
    /* storage full or disabled: the server copy still holds the last save */
  }
}

/** Forgets this browser's copy of the draft (it was submitted, or the server's copy is to be reloaded). */
export function discardBackup(id: string) {
  writeBackup(id, null);
}

/**
 * `remote: false` (answering a correction): the case is submitted, so edits stay in this browser's
 * copy until the correction answer sends them (the server refuses draft saves of a submitted case).
 */
export function useAutosave(id: string, server: { rowVersion: number; formData: FormsData }, { remote = true }: { remote?: boolean } = {}) {
  const client = useTRPCClient();
  const [restored] = useState(() => readBackup(id, server.rowVersion));
  const [formData, setFormData] = useState<FormsData>(() => restored ?? server.formData);
  const rowVersion = useRef(server.rowVersion);
  const pending = useRef<FormsData | null>(restored);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [save, setSave] = useState<SaveState>(restored ? { kind: "dirty" } : { kind: "idle" });
  const [conflict, setConflict] = useState<string | null>(null);

  /** Saves what is pending, one request at a time; true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    for (;;) {
      if (inFlight.current) {
        if (!(await inFlight.current)) return false;
        continue;
      }
      const data = pending.current;
      if (!data) return true;
      if (!remote) {
        setSave({ kind: "local" });
        return true;
      }
      pending.current = null;
      setSave({ kind: "saving" });
      const request = client.applications.saveDraft
        .mutate({ id, formData: data, rowVersion: rowVersion.current })
        .then((result) => {
          rowVersion.current = result.rowVersion;
          if (pending.current) writeBackup(id, { rowVersion: result.rowVersion, formData: pending.current });
          else {
            writeBackup(id, null);
            setSave({ kind: "saved", at: formatTime(result.savedAt) });
          }
          return true;
        })
        .catch((error: TrpcLikeError) => {
          pending.current = pending.current ?? data;
          const message = errorMessage(error);
          setSave({ kind: "error", message });
          if (error.data?.code === "CONFLICT") setConflict(message);
          return false;
        })
        .finally(() => {
          inFlight.current = null;
        });
      inFlight.current = request;
      if (!(await request)) return false;
    }
  }, [client, id, remote]);

  const schedule = useCallback(
    (next: FormsData) => {
      pending.current = next;
      writeBackup(id, { rowVersion: rowVersion.current, formData: next });
      setSave({ kind: "dirty" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, id],
  );

  // A copy restored from this browser is saved straight away.
  useEffect(() => {
    if (restored) void flush();
  }, [restored, flush]);

  // Save when the page is hidden (tab switch, navigation) — the local copy covers a reload.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [flush]);

  const latest = useRef(formData);
  /** Replaces one form's data and queues the save (nothing happens when it did not change). */
  const setForm = useCallback(
    (formId: string, data: Record<string, unknown>) => {
      const prev = latest.current;
      if (JSON.stringify(prev[formId] ?? {}) === JSON.stringify(data)) return;
      const next = { ...prev, [formId]: data };
      latest.current = next;
      setFormData(next);
      schedule(next);
    },
    [schedule],
  );

  /** The row version the next write must name (it moves with every save). */
  const currentRowVersion = useCallback(() => rowVersion.current, []);

  return { formData, setForm, flush, save, conflict, setConflict, rowVersion: currentRowVersion };
}
