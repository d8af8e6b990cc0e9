/**
 * The in-memory reference endpoint. It exists so the sync engine can be proven without a network: the
 * engine's example tests, its property tests and the sync benchmark all run against
 * {@link dev.outpost.sync.memory.MemoryEndpoint}, which behaves like Dataverse change tracking and Graph
 * delta in every way sync depends on, and can be told to misbehave the way those services do.
 */
package dev.outpost.sync.memory;
