// The listener lives with the chat:eval client (scripts/eval/) so the script can use it too.
export * from '../../scripts/eval/connector-listener.js';
