/**
 * The requester's verdict: on their own request page, once the request is done or
 * declined and while they have given no verdict there, a small form asks for a
 * rating and a short comment (verdict-form.ts). Saving appends
 * `{{Helpdesk verdict}}` in a section of its own against the revision read; on an
 * edit conflict the page is read again and, unless a verdict of theirs arrived
 * meanwhile (another tab), appended to that.
 */
import { parseRequestPage } from '../../shared/codec';
import { hasVerdictBy, VERDICT_STATUSES, verdictSection } from '../../shared/verdict';
import { normaliseUserName } from '../../shared/wikitext';
import { EditOutcome, editAgainst, PageApi, PageRevision } from './edit';

/** The request a verdict is asked for: its language (for the section's heading). */
export interface VerdictWanted {
	language: string;
}

/**
 * Whether `user` is asked for a verdict on this page: they filed the request, it is
 * done or declined, and the page holds no verdict in their name.
 */
export function verdictWanted( pageText: string, user: string ): VerdictWanted | null {
	const parsed = parseRequestPage( pageText, { unknownStatus: 'keep' } );
	if ( !parsed.ok || parsed.unknownStatus !== '' || user.trim() === '' ) {
		return null;
	}
	const request = parsed.request;
	const name = normaliseUserName( user );
	if ( normaliseUserName( request.requester ) !== name || !( VERDICT_STATUSES as readonly string[] ).includes( request.status ) ||
		hasVerdictBy( pageText, name ) ) {
		return null;
	}
	return { language: request.language || 'en' };
}

export interface VerdictToSave {
	rating: number;
	comment: string;
	user: string;
	/** The section's heading, in the request's language. */
	heading: string;
	summary: string;
}

export type VerdictOutcome = Exclude<EditOutcome, { status: 'unchanged' }> | { status: 'exists' };

/** The page with the verdict's section at its end. */
export function withVerdict( pageText: string, verdict: VerdictToSave ): string {
	return pageText.replace( /\s+$/, '' ) + '\n\n' + verdictSection( verdict.heading, verdict.rating, verdict.comment, verdict.user ) + '\n';
}

/** Save the verdict against the revision read; 'exists' when the page has one of the user's by then. Never rejects. */
export async function saveVerdict( api: PageApi, base: PageRevision, verdict: VerdictToSave ): Promise<VerdictOutcome> {
	let exists = false;
	const outcome = await editAgainst( api, base, ( revision ) => {
		exists = hasVerdictBy( revision.text, verdict.user );
		return exists ? null : withVerdict( revision.text, verdict );
	}, verdict.summary );
	return exists ? { status: 'exists' } : outcome as VerdictOutcome;
}
