"use client";

import { createContext, useContext, type Dispatch } from "react";
import type { TBuilderProblem } from "@/server/forms/builder/problems";
import type { TBuilderAction, TBuilderState, TBuilderWords } from "./builder-state";

// What every part of the builder reads: the state, how to change it, the texts new items start
// with, and the live problems (to mark the fields that have some).
export type TBuilderContext = {
  state: TBuilderState;
  dispatch: Dispatch<TBuilderAction>;
  words: TBuilderWords;
  problems: TBuilderProblem[];
};

export const BuilderContext = createContext<TBuilderContext | null>(null);

export function useBuilder(): TBuilderContext {
  const ctx = useContext(BuilderContext);
  if (!ctx) throw new Error("useBuilder outside the form builder");
  return ctx;
}
