/**
 * Pages as MediaWiki's parser renders them: what a page links, transcludes and
 * categorises, and the text a reader sees.
 */
import type { Mwn } from 'mwn';
import type { Status } from '../../../shared/status';

/** What the badge says for each status; the status category is named after it. */
export const BADGE_LABELS: Readonly<Record<Status, string>> = {
	submitted: 'Submitted',
	'initial-feedback': 'Initial feedback',
	'working-group': 'With a working group',
	'awaiting-final-go': 'Awaiting final go',
	approved: 'Approved',
	declined: 'Declined',
	'support-under-way': 'Support under way',
	done: 'Done',
	'on-hold': 'On hold',
	withdrawn: 'Withdrawn',
};

/** A page as MediaWiki's parser sees it (`action=parse`, format version 2). */
export interface ParsedPage {
	text: string;
	categories: { category: string }[];
	templates: { title: string }[];
	links: { title: string }[];
	externallinks: string[];
	iwlinks: unknown[];
	langlinks: unknown[];
	images: string[];
	sections: { line: string; level: string }[];
	properties: Record<string, string>;
	parsewarnings: string[];
}

/**
 * Parse a page (`page`) or a text (`title`, `text`, `contentmodel`), with every
 * part of ParsedPage; edit section links and the limit report are left out.
 */
export async function parsePage( client: Mwn, params: Record<string, string> ): Promise<ParsedPage> {
	const response = await client.request( {
		action: 'parse', prop: 'text|categories|templates|links|externallinks|iwlinks|langlinks|images|sections|properties|parsewarnings',
		disablelimitreport: 1, disableeditsection: 1, formatversion: 2, ...params,
	} );
	return response.parse as ParsedPage;
}

/** The text of rendered HTML: `<br>` as a line break, paragraphs apart by a blank line. */
export function renderedText( element: Element ): string {
	let out = '';
	element.childNodes.forEach( ( node ) => {
		if ( node.nodeType === node.TEXT_NODE ) {
			out += node.textContent;
		} else if ( node.nodeName === 'BR' ) {
			out += '\n';
		} else if ( node.nodeName === 'P' ) {
			// MediaWiki ends each paragraph's HTML with a line break of its own.
			out += ( out.trim() === '' ? '' : '\n\n' ) + renderedText( node as Element ).replace( /\n$/, '' );
		} else {
			out += renderedText( node as Element );
		}
	} );
	return out;
}
