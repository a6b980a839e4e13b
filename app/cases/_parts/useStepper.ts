/**
 * Which step of the editor is open: kept in the address (`?step=2`, so a reload or a shared link
 * opens the same step), and on every move the step's heading takes the focus and scrolls into view.
 */
import { useCallback, useRef, useState } from "react";

/** `beforeMove` runs first on every move (the editor saves there). */
export function useStepper(stepCount: number, beforeMove: () => unknown) {
  const [stepIndex, setStepIndex] = useState(() => {
    if (typeof window === "undefined") return 0;
    const n = Number(new URLSearchParams(window.location.search).get("step"));
    return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
  });
  const current = Math.min(stepIndex, stepCount - 1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const goTo = useCallback(
    (index: number) => {
      void beforeMove();
      setStepIndex(index);
      const url = new URL(window.location.href);
      url.searchParams.set("step", String(index + 1));
      window.history.replaceState(window.history.state, "", url);
      requestAnimationFrame(() => {
        headingRef.current?.focus();
        headingRef.current?.scrollIntoView({ block: "start" });
      });
    },
    [beforeMove],
  );
  return { current, goTo, headingRef };
}
