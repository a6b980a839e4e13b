/** One benchmark figure, printed beside the reference measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  ratio: number;
}

export function figure(name: string, value: number, unit: string, reference: string, referenceValue: number): Figure {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, value: round(value), unit, reference, referenceValue: round(referenceValue), ratio: referenceValue ? round(value / referenceValue) : 0 };
}
