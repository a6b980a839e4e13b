/** Local variants over the contract: items, overlays, locks, the region's rules and rebase. Pure, browser-safe. */
export * from "./items";
export * from "./overlay";
export * from "./locks";
export * from "./rules";
export * from "./rebase";
export * from "./collisions";
