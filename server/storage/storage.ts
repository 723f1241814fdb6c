import path from "node:path";
import { env } from "@/server/env";
import { createLocalDiskStorage } from "./local-disk";
import type { TFileStorage } from "./types";

// The process's file storage: local disk under ${DATA_DIR}/files. An S3-compatible
// implementation of TFileStorage can be chosen here by configuration later.

let storage: TFileStorage | undefined;

export function fileStorage(): TFileStorage {
  storage ??= createLocalDiskStorage(path.resolve(env().DATA_DIR, "files"));
  return storage;
}
