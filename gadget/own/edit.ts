/**
 * Editing a request that was filed: the form filled with the fields of the request
 * template, and saving only the template back. The rest of the page (the
 * discussion) stays byte for byte, and an edit someone made meanwhile outside the
 * template is kept: on an edit conflict the page is read again and the template
 * change applied to it, unless the template itself was changed.
 */
import { parseRequestPage, renderRequestTemplate } from '../../shared/codec';
import { OUTCOME_FIELDS } from '../../shared/request';
import type { HelpdeskRequest, RequestFormFields } from '../../shared/request';
import { FORM_FIELDS, requestFromFields } from '../filing/fields';
import { ApiFailure } from '../filing/problems';

/** A revision of the request page. */
export interface PageRevision {
	title: string;
	text: string;
	revid: number;
	/** ISO 8601 */
	timestamp: string;
}

export interface PageEditParams {
	title: string;
	text: string;
	summary: string;
	baserevid: number;
	basetimestamp: string;
	nocreate: true;
	assert: 'user';
}

export interface PageApi {
	/** The page's latest revision (or revision `revid`). Rejects with an ApiFailure. */
	revision( title: string, revid?: number ): Promise<PageRevision>;
	/** `action=edit`. Rejects with an ApiFailure. */
	edit( params: PageEditParams ): Promise<{ edit?: { result: string; newrevid?: number } }>;
}

/** What the form edits of a request page, read from its wikitext. */
export interface EditableRequest {
	/** The template call as it stands on the page. */
	templateText: string;
	/** The request as the template has it. */
	request: HelpdeskRequest;
	/** status, status_since and working_group exactly as written: never changed by the form. */
	kept: { status: string; statusSince: string; workingGroup: string };
	fields: RequestFormFields;
}

/** The request on a page, or null when the page is not one the form can edit. */
export function editableRequest( pageText: string ): EditableRequest | null {
	const parsed = parseRequestPage( pageText, { unknownStatus: 'keep' } );
	if ( !parsed.ok || parsed.unknownParameters.length ) {
		return null;
	}
	const fields = {} as Record<string, unknown>;
	FORM_FIELDS.forEach( ( field ) => {
		const value = parsed.request[ field ];
		fields[ field ] = Array.isArray( value ) ? value.slice() : value;
	} );
	return {
		templateText: parsed.templateText,
		request: parsed.request,
		kept: {
			status: parsed.written.status || '',
			statusSince: parsed.written.status_since || '',
			workingGroup: parsed.written.working_group || '',
		},
		fields: fields as unknown as RequestFormFields,
	};
}

/** The template call with the fields as edited, and everything else as on the page. */
export function editedTemplate( editable: EditableRequest, fields: RequestFormFields ): string {
	const original = editable.request;
	const request = requestFromFields( fields, { requester: original.requester, language: original.language }, new Date() );
	request.filed = original.filed;
	const kept = request as unknown as Record<string, string>;
	kept.status = editable.kept.status;
	kept.statusSince = editable.kept.statusSince;
	kept.workingGroup = editable.kept.workingGroup;
	// The outcomes are not on the form: they stay as the page has them.
	OUTCOME_FIELDS.forEach( ( field ) => {
		if ( original[ field ] !== undefined ) {
			( request as unknown as Record<string, unknown> )[ field ] = original[ field ];
		}
	} );
	return renderRequestTemplate( request );
}

/**
 * `pageText` with its template call `from` replaced by `to`; null when the page's
 * template is no longer `from` (someone changed it) or is not there once.
 */
export function replaceTemplate( pageText: string, from: string, to: string ): string | null {
	const text = pageText.replace( /\r\n?/g, '\n' );
	const parsed = parseRequestPage( text, { unknownStatus: 'keep' } );
	if ( !parsed.ok || parsed.templateText !== from ) {
		return null;
	}
	const start = text.length - parsed.discussion.length - from.length;
	return text.slice( 0, start ) + to + parsed.discussion;
}

export type EditOutcome =
	| { status: 'saved'; revid: number | null }
	| { status: 'unchanged' }
	| { status: 'conflict' }
	| { status: 'problem'; failure: ApiFailure };

/** After this many conflicts in a row, give up (someone is editing busily). */
const MAX_TRIES = 3;

function asFailure( thrown: unknown ): ApiFailure {
	const failure = thrown as ApiFailure;
	return failure && typeof failure.code === 'string' && Array.isArray( failure.errors ) ?
		failure :
		{ code: 'internal', errors: [ { code: 'internal', text: String( thrown ) } ] };
}

/**
 * Save the edited fields against the revision they were read from. Never rejects.
 */
export function saveEdit(
	api: PageApi, base: PageRevision, editable: EditableRequest, fields: RequestFormFields, summary: string,
): Promise<EditOutcome> {
	const to = editedTemplate( editable, fields );
	if ( to === editable.templateText ) {
		return Promise.resolve( { status: 'unchanged' } );
	}
	return editAgainst( api, base, ( revision ) => replaceTemplate( revision.text, editable.templateText, to ), summary );
}

/**
 * Save the text `next` makes of a revision, against that revision, beginning with
 * `base`; on an edit conflict the page is read again and `next` asked again. When
 * `next` gives null (the change no longer fits the page) nothing is saved: the
 * outcome is a conflict. Never rejects.
 */
export async function editAgainst(
	api: PageApi, base: PageRevision, next: ( revision: PageRevision ) => string | null, summary: string,
): Promise<EditOutcome> {
	let revision = base;
	for ( let tries = 0; tries < MAX_TRIES; tries++ ) {
		const text = next( revision );
		if ( text === null ) {
			return { status: 'conflict' };
		}
		try {
			const response = await api.edit( {
				title: base.title,
				text: text,
				summary: summary,
				baserevid: revision.revid,
				basetimestamp: revision.timestamp,
				nocreate: true,
				assert: 'user',
			} );
			const edit = response.edit;
			if ( edit && edit.result === 'Success' ) {
				return { status: 'saved', revid: edit.newrevid || null };
			}
			return { status: 'problem', failure: { code: edit ? 'edit-' + String( edit.result ).toLowerCase() : 'edit-no-result', errors: [] } };
		} catch ( thrown ) {
			const failure = asFailure( thrown );
			if ( failure.code !== 'editconflict' ) {
				return { status: 'problem', failure: failure };
			}
		}
		try {
			revision = await api.revision( base.title );
		} catch ( thrown ) {
			return { status: 'problem', failure: asFailure( thrown ) };
		}
	}
	return { status: 'conflict' };
}
