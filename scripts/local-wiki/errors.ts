/** What went wrong, for callers to branch on instead of matching messages. */
export type LocalWikiErrorCode =
	| 'packages-missing'
	| 'not-installed'
	| 'not-a-local-wiki'
	| 'port-in-use'
	| 'start-failed'
	| 'maintenance-failed'
	| 'invalid-settings';

export class LocalWikiError extends Error {
	public override name = 'LocalWikiError';

	public constructor( public readonly code: LocalWikiErrorCode, message: string ) {
		super( message );
	}
}
