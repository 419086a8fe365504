// Execution engine (expressions, sandbox, executor, queue): the executor arrives with the engine
// issue. What nodes may ask of the host is fixed here already, so credentials stay behind it.

/**
 * How a node obtains the decrypted data of the credentials its parameters name. Only a running
 * execution holds one; every call is recorded as a use of the credential.
 */
export interface NodeCredentials {
  /** The credential referenced by the node under this credential type, decrypted. */
  get(credentialType: string): Promise<Record<string, unknown>>;
}
