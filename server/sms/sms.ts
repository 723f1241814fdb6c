import { createLocalSmsSink } from "./local-sink";
import type { TSmsSender } from "./types";

// The process's SMS sender. No SMS provider is configured yet, so every message goes to the
// local sink (DATA_DIR/sms), as mail goes to the local SMTP sink when SMTP_URL is unset. A real
// gateway is an adapter implementing TSmsSender, chosen here from its environment variable
// (see README.md in this folder).

let sender: TSmsSender | undefined;

export function smsSender(): TSmsSender {
  sender ??= createLocalSmsSink();
  return sender;
}

