// Text messages (SMS) Sportello sends, for now only the code that confirms a citizen's phone
// number. A provider adapter (an SMS gateway's HTTP API) implements TSmsSender; sms.ts picks the
// process's sender.

export type TSmsMessage = {
  /** Recipient in international format, "+393331234567". */
  to: string;
  text: string;
  /** The municipality the message speaks for (a provider may use it to choose the sender name). */
  tenantId?: string | null;
};

export type TSmsSender = {
  /** Hands the message to the provider; resolves with the provider's id, rejects if refused. */
  send(message: TSmsMessage): Promise<{ id: string }>;
};
