import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./breaker";

describe("circuit breaker", () => {
  it("opens after the failures in a row, refuses while open, lets one trial through after the pause", () => {
    const breaker = new CircuitBreaker({ failures: 3, openMs: 1000 });
    for (let i = 0; i < 2; i++) breaker.failure(0);
    expect(breaker.allow(0)).toBe(true);
    breaker.failure(0);
    expect(breaker.state(10)).toBe("open");
    expect(breaker.allow(999)).toBe(false);
    expect(breaker.allow(1000)).toBe(true); // the trial
    expect(breaker.allow(1001)).toBe(false); // one at a time
    breaker.failure(1002);
    expect(breaker.allow(1500)).toBe(false); // open again
    expect(breaker.allow(2002)).toBe(true);
    breaker.success();
    expect(breaker.state(2003)).toBe("closed");
    expect(breaker.allow(2003)).toBe(true);
  });

  it("a success resets the count of failures in a row", () => {
    const breaker = new CircuitBreaker({ failures: 2, openMs: 1000 });
    breaker.failure(0);
    breaker.success();
    breaker.failure(0);
    expect(breaker.state(0)).toBe("closed");
  });
});
