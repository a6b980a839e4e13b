/** 上一步 / 下一步 under a step; `submit` makes 下一步 submit the step's form (so rjsf validates it first). */
export function StepButtons({ current, onBack, onNext, nextLabel, submit }: { current: number; onBack: () => void; onNext?: () => void; nextLabel: string; submit?: boolean }) {
  return (
    <div className="mt-6 flex flex-wrap gap-3">
      {current > 0 && (
        <button type="button" onClick={onBack} className="rounded-md border bg-background px-4 py-2 hover:bg-muted">
          上一步
        </button>
      )}
      <button type={submit ? "submit" : "button"} onClick={submit ? undefined : onNext} className="rounded-md bg-primary px-5 py-2 font-medium text-primary-foreground hover:opacity-90">
        {nextLabel}
      </button>
    </div>
  );
}
