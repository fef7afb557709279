/**
 * jose, loaded when a connector first signs a token (Google Workspace and Okta service accounts): a server
 * that starts loads no signing library it may never use.
 */
export const loadJose = () => import('jose');
