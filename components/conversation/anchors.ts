// Ids of the conversation's sections on the application pages, for links that open them
// (deadlines → the integration task, emails → the messages).
export const INTEGRATION_ANCHOR = "integrazione";
export const MESSAGES_ANCHOR = "messaggi";
