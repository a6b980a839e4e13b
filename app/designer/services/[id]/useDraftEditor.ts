"use client";
/**
 * The service being edited: its definition with undo/redo, saved as you go (debounced) into the
 * service's draft with optimistic concurrency. A save refused because someone else saved first
 * stops autosaving and keeps the local edits until the person chooses: reload theirs, compare,
 * or save theirs over (explicitly).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { canRedo, canUndo, commit, createHistory, redo, undo, type History } from "@/designer/core/history";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import type { EditorState } from "@/app/_components/types";

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus =
  | { kind: "saved"; revision: number | null; at: string | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

interface DraftRef {
  draftId: string | null;
  revision: number | null;
}

/** The definition an editor starts from: the draft, else the latest published version, with the contract's defaults. */
export function startingDefinition(state: EditorState): ServiceDefinition {
  const raw = state.draft?.definition ?? state.published?.definition ?? {};
  const parsed = serviceDefinition.safeParse(raw);
  return (parsed.success ? parsed.data : raw) as ServiceDefinition;
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;

export function useDraftEditor(serviceId: string, initial: EditorState) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [history, setHistory] = useState<History<ServiceDefinition>>(() => createHistory(startingDefinition(initial)));
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", revision: initial.draft?.revision ?? null, at: initial.draft?.updatedAt ?? null });
  const [draft, setDraft] = useState<DraftRef>({ draftId: initial.draft?.id ?? null, revision: initial.draft?.revision ?? null });
  const saved = useRef<ServiceDefinition>(history.present);
  const draftRef = useRef(draft);
  const inFlight = useRef(false);
  /** Settles when the save under way ends. */
  const inFlightDone = useRef<Promise<unknown>>(Promise.resolve());
  const conflicted = useRef(false);
  /** The definition whose save failed (not retried until it changes). */
  const failed = useRef<ServiceDefinition | null>(null);
  const { mutateAsync: saveDraft } = useMutation(trpc.designer.saveDraft.mutationOptions());

  const definition = history.present;
  const latest = useRef(definition);
  latest.current = definition;

  const edit = useCallback((update: (current: ServiceDefinition) => ServiceDefinition, group: string | null = null) => {
    setHistory((h) => commit(h, update(h.present), group));
  }, []);

  /** Saves the current definition now (unless unchanged and `force` is false); the saved draft, or null. */
  const saveNow = useCallback(async (force = false): Promise<DraftRef | null> => {
    if (inFlight.current || conflicted.current) return null;
    const toSave = latest.current;
    if (!force && toSave === saved.current && draftRef.current.draftId) return draftRef.current;
    inFlight.current = true;
    let done!: () => void;
    inFlightDone.current = new Promise<void>((resolve) => (done = resolve));
    setStatus({ kind: "saving" });
    try {
      const result = await saveDraft({ serviceId, ...draftRef.current, definition: toSave as unknown as Record<string, unknown> });
      saved.current = toSave;
      draftRef.current = { draftId: result.draftId, revision: result.revision };
      setDraft(draftRef.current);
      setStatus(latest.current === toSave ? { kind: "saved", revision: result.revision, at: result.updatedAt } : { kind: "dirty" });
      void queryClient.invalidateQueries({ queryKey: trpc.designer.versions.queryKey({ serviceId }) });
      return draftRef.current;
    } catch (error) {
      const message = errorMessage(error);
      failed.current = toSave;
      if ((error as { data?: { code?: string } }).data?.code === "CONFLICT") {
        conflicted.current = true;
        setStatus({ kind: "conflict", message });
      } else setStatus({ kind: "error", message: `自动保存失败：${message}` });
      return null;
    } finally {
      inFlight.current = false;
      done();
    }
  }, [queryClient, saveDraft, serviceId, trpc]);

  // Debounced autosave after each change (and again when a change arrived during a save).
  useEffect(() => {
    if (definition === saved.current) {
      // Back to what is saved (undone to it): nothing to save.
      setStatus((s) => (s.kind === "dirty" ? { kind: "saved", revision: draftRef.current.revision, at: null } : s));
      return;
    }
    if (definition === failed.current || conflicted.current) return;
    setStatus((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
    const timer = window.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [definition, saveNow, status.kind]);

  /** Saves what is not saved yet, waiting for a save under way first; whether everything is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (latest.current === saved.current && draftRef.current.draftId) return true;
      if (conflicted.current) return false;
      if (inFlight.current) await inFlightDone.current;
      else if ((await saveNow()) === null && !inFlight.current) return false;
    }
    return latest.current === saved.current;
  }, [saveNow]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  // Leaving within the autosave delay must not lose the edit. Closing the tab or reloading asks
  // first (the browser's own prompt) and starts the save; following a link inside the app saves
  // first and then goes, or asks when the save fails; leaving otherwise (back button) saves on the way out.
  useEffect(() => {
    const unsaved = () => latest.current !== saved.current;
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      event.preventDefault();
      // Older browsers show their prompt only for a returnValue.
      event.returnValue = "";
      void flushRef.current();
    };
    const onLinkClick = (event: MouseEvent) => {
      if (!unsaved() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      // Before Next's own link handler: hold the navigation until the edit is saved.
      event.preventDefault();
      event.stopPropagation();
      void flushRef.current().then((ok) => {
        if (ok || window.confirm("修改尚未保存，离开后将丢失。仍要离开吗？")) router.push(`${url.pathname}${url.search}${url.hash}`);
      });
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onLinkClick, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onLinkClick, true);
      if (unsaved()) void flushRef.current();
    };
  }, [router]);

  /** Starts over from the server's current state (after a conflict, a restore, or a publish). */
  const reload = useCallback(async () => {
    const state = await queryClient.fetchQuery({ ...trpc.designer.get.queryOptions({ serviceId }), staleTime: 0 });
    const start = startingDefinition(state);
    saved.current = start;
    conflicted.current = false;
    draftRef.current = { draftId: state.draft?.id ?? null, revision: state.draft?.revision ?? null };
    setDraft(draftRef.current);
    setHistory(createHistory(start));
    setStatus({ kind: "saved", revision: state.draft?.revision ?? null, at: state.draft?.updatedAt ?? null });
    return state;
  }, [queryClient, serviceId, trpc]);

  /** After a conflict: saves the local edits over the current draft, which the person has seen in the comparison. */
  const keepMine = useCallback(async (current: { draftId: string | null; revision: number | null }) => {
    conflicted.current = false;
    draftRef.current = current;
    return saveNow(true);
  }, [saveNow]);

  return {
    definition,
    edit,
    undo: useCallback(() => setHistory((h) => undo(h)), []),
    redo: useCallback(() => setHistory((h) => redo(h)), []),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    status,
    draft,
    saveNow,
    flush,
    reload,
    keepMine,
  };
}
