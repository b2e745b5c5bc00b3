/** What went wrong, for callers to branch on instead of matching messages. */
export type LocalWikiErrorCode =
	| 'packages-missing'
	| 'not-installed'
	| 'not-a-local-wiki'
	| 'port-in-use'
	| 'start-failed'
	| 'maintenance-failed'
	| 'invalid-settings'
	/** HELPDESK_WIKI_PORT or --port is not a port, HELPDESK_WIKI_DIR or --dir not a folder. */
	| 'invalid-location';

export class LocalWikiError extends Error {
	public override name = 'LocalWikiError';

	public constructor( public readonly code: LocalWikiErrorCode, message: string ) {
		super( message );
	}
}
