/**
 * A request page's revisions behind the gadget's PageApi: an edit against an older
 * revision is an edit conflict, as MediaWiki answers when it cannot merge.
 */
import type { PageApi, PageEditParams, PageRevision } from '../../../gadget/own/edit';

export const TITLE = 'Content Partnerships Hub/Helpdesk/Requests/Museum uploads';

export class FakeWiki implements PageApi {
	public revisions: PageRevision[];

	public edits: PageEditParams[] = [];

	public constructor( text: string ) {
		this.revisions = [ { title: TITLE, text: text, revid: 1, timestamp: '2026-01-04T00:00:00Z' } ];
	}

	public latest(): PageRevision {
		return this.revisions[ this.revisions.length - 1 ];
	}

	/** Someone else's edit. */
	public change( text: string ): void {
		this.revisions.push( { title: TITLE, text: text, revid: this.latest().revid + 1, timestamp: '2026-01-05T00:00:0' + this.revisions.length + 'Z' } );
	}

	public revision( _title: string, revid?: number ): Promise<PageRevision> {
		return Promise.resolve( revid ? this.revisions.filter( ( r ) => r.revid === revid )[ 0 ] : this.latest() );
	}

	public edit( params: PageEditParams ): Promise<{ edit?: { result: string; newrevid?: number } }> {
		this.edits.push( params );
		if ( params.baserevid !== this.latest().revid ) {
			// As MediaWiki answers when it cannot merge (the fake never merges).
			return Promise.reject( { code: 'editconflict', errors: [] } );
		}
		this.change( params.text );
		return Promise.resolve( { edit: { result: 'Success', newrevid: this.latest().revid } } );
	}
}
