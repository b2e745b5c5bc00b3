/**
 * `npm run import -- FILE.json [--dry-run]`: create request pages for requests that
 * reached the Helpdesk by e-mail. Each page is exactly what the gadget would have
 * written, with the requester and the filing date from the file. Requests already
 * on the wiki are skipped; invalid entries are reported one by one and the valid
 * ones are still imported. The file's shape is shared/import.schema.json.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { Mwn } from 'mwn';
import { connect, targetFromEnvironment, TargetWiki } from './lib/target';
import { CANDIDATES, ImportPlanEntry, planImport, readImportEntries } from './lib/import-plan';
import { candidateTitles } from '../shared/title';

/** The discussion heading the gadget writes, in the request's language. */
export function discussionHeading( language: string ): string {
	for ( const code of [ language, 'en' ] ) {
		const file = new URL( `../gadget/i18n/${ code }.json`, import.meta.url );
		if ( /^[a-z-]+$/.test( code ) && existsSync( file ) ) {
			const messages = JSON.parse( readFileSync( file, 'utf8' ) ) as Record<string, string>;
			if ( messages[ 'helpdesk-discussion-heading' ] ) {
				return messages[ 'helpdesk-discussion-heading' ];
			}
		}
	}
	return 'Discussion';
}

async function readPages( bot: Mwn, titles: string[] ): Promise<Map<string, string | null>> {
	const found = new Map<string, string | null>();
	for ( let i = 0; i < titles.length; i += 50 ) {
		const response = await bot.query( {
			titles: titles.slice( i, i + 50 ),
			prop: 'revisions',
			rvprop: 'content',
			rvslots: 'main',
		} );
		for ( const page of response.query?.pages || [] ) {
			const revision = page.revisions && page.revisions[ 0 ];
			found.set( page.title, page.missing || !revision ? null : revision.slots?.main.content ?? null );
		}
	}
	return found;
}

export interface ImportResult {
	created: string[];
	skipped: string[];
	invalid: { index: number; title: string; reasons: string[] }[];
	failed: { title: string; reason: string }[];
	planned: ImportPlanEntry[];
}

export async function importRequests(
	json: unknown, options: { target: TargetWiki; dryRun: boolean; log?: ( line: string ) => void },
): Promise<ImportResult> {
	const log = options.log || ( ( line: string ) => console.log( line ) );
	const { valid, invalid } = readImportEntries( json );
	for ( const entry of invalid ) {
		log( `✗ entry ${ entry.index + 1 }${ entry.title ? ' ("' + entry.title + '")' : '' } is invalid: ${ entry.reasons.join( '; ' ) }` );
	}
	const bot = await connect( options.target );
	const titles = valid.flatMap( ( entry ) => candidateTitles( entry.request.title, CANDIDATES ) );
	const planned = planImport( valid, await readPages( bot, Array.from( new Set( titles ) ) ), discussionHeading );
	const result: ImportResult = { created: [], skipped: [], invalid: invalid, failed: [], planned: planned };
	for ( const entry of planned ) {
		if ( entry.title === null ) {
			log( `= entry ${ entry.index + 1 } is already on the wiki: ${ entry.existing }` );
			result.skipped.push( entry.existing as string );
			continue;
		}
		if ( options.dryRun ) {
			log( `+ would create ${ entry.title }\n${ entry.text }` );
			continue;
		}
		try {
			await bot.request( {
				action: 'edit',
				title: entry.title,
				text: entry.text,
				createonly: true,
				summary: `Request received by e-mail from ${ entry.request.requester } on ${ entry.request.filed.slice( 0, 10 ) }, imported`,
				token: bot.csrfToken,
			} );
			log( `+ created ${ entry.title }` );
			result.created.push( entry.title );
		} catch ( error ) {
			const reason = ( error as Error ).message;
			log( `✗ could not create ${ entry.title }: ${ reason }` );
			result.failed.push( { title: entry.title, reason: reason } );
		}
	}
	log( `\n${ options.dryRun ? 'Dry run: ' + planned.filter( ( e ) => e.title ).length + ' would be created' : result.created.length + ' created' }, ${ result.skipped.length } already there, ${ invalid.length } invalid, ${ result.failed.length } failed.` );
	return result;
}

async function main(): Promise<void> {
	const file = process.argv.slice( 2 ).find( ( arg ) => !arg.startsWith( '--' ) );
	if ( !file ) {
		throw new Error( 'Usage: npm run import -- FILE.json [--dry-run]' );
	}
	const json: unknown = JSON.parse( readFileSync( file, 'utf8' ) );
	const result = await importRequests( json, { target: targetFromEnvironment(), dryRun: process.argv.includes( '--dry-run' ) } );
	if ( result.invalid.length || result.failed.length ) {
		process.exitCode = 1;
	}
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	main().catch( ( error: Error ) => {
		console.error( 'Import failed: ' + error.message );
		process.exitCode = 1;
	} );
}
