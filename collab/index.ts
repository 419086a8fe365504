// Real-time collaboration (Yjs rooms, doc <-> events bridge): arrives with the collaboration issue.
export {};
