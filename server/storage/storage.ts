import path from "node:path";
import { env, type TEnv } from "@/server/env";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";
import type { TFileStorage } from "./types";

// The process's file storage, chosen by configuration: STORAGE_DRIVER=local (default) keeps
// files on the local disk under FILES_DIR (default ${DATA_DIR}/files); STORAGE_DRIVER=s3 in a
// bucket of an S3-compatible store (S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID,
// S3_SECRET_ACCESS_KEY; server/env.ts refuses to start when one is missing).

export function createFileStorage(config: TEnv): TFileStorage {
  if (config.STORAGE_DRIVER === "s3") {
    return createS3Storage({
      endpoint: config.S3_ENDPOINT!,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET!,
      credentials: { accessKeyId: config.S3_ACCESS_KEY_ID!, secretAccessKey: config.S3_SECRET_ACCESS_KEY! },
    });
  }
  return createLocalDiskStorage(path.resolve(config.FILES_DIR ?? path.join(config.DATA_DIR, "files")));
}

let storage: TFileStorage | undefined;

export function fileStorage(): TFileStorage {
  storage ??= createFileStorage(env());
  return storage;
}
