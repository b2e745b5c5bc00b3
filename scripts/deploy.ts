/**
 * `npm run deploy [-- --dry-run]`: install the built gadget and the on-wiki pages on
 * the target wiki (the local one unless HELPDESK_DEPLOY_API_URL names another).
 *
 * On a wiki that is not local it refuses a dirty work tree and never edits
 * MediaWiki:Gadgets-definition: it prints the lines for an interface administrator.
 * Text carrying a signature or `{{subst:` outside <nowiki> is never saved anywhere,
 * nor text that MediaWiki would change on save (control characters, not NFC).
 */
import type { Mwn } from 'mwn';
import { onWikiPages, gadgetDefinitionLines, unsafeSignatures } from './onwiki-pages';
import { connect, targetFromEnvironment, TargetWiki } from './lib/target';
import { commitSubjectsSince, dirtyPaths, headCommit } from './lib/git';
import {
	CurrentPage, DeployAction, deployedCommit, deploySummary, mergeGadgetDefinitions, PageToDeploy, planDeploy, unsavableCharacters,
} from './lib/deploy-plan';

const GADGETS_DEFINITION = 'MediaWiki:Gadgets-definition';

export interface DeployOptions {
	dryRun: boolean;
	target: TargetWiki;
	log?: ( line: string ) => void;
	/** The built gadget (default: dist/ of this repository). */
	distDir?: string;
	/** The git work tree deployed from: checked for changes, named in summaries (default: the current directory). */
	repository?: string;
}

export interface DeployResult {
	actions: DeployAction[];
	edited: string[];
	summary: string;
}

function refuse( pages: PageToDeploy[], check: ( text: string ) => string[], reason: string ): void {
	const found = pages
		.map( ( page ) => ( { title: page.title, found: check( page.text ) } ) )
		.filter( ( page ) => page.found.length );
	if ( found.length ) {
		throw new Error( reason + ':\n' + found.map( ( page ) => '  ' + page.title + ': ' + page.found.join( ', ' ) ).join( '\n' ) );
	}
}

async function readCurrent( bot: Mwn, titles: string[] ): Promise<Map<string, CurrentPage>> {
	const current = new Map<string, CurrentPage>();
	for ( let i = 0; i < titles.length; i += 50 ) {
		const response = await bot.query( {
			titles: titles.slice( i, i + 50 ),
			prop: 'revisions',
			rvprop: [ 'content', 'comment', 'ids' ],
			rvslots: 'main',
		} );
		for ( const page of response.query?.pages || [] ) {
			const revision = page.revisions && page.revisions[ 0 ];
			current.set( page.title, revision ?
				{ text: revision.slots?.main.content ?? '', lastSummary: revision.comment, lastRevision: revision.revid } :
				{ text: null } );
		}
	}
	return current;
}

export async function deploy( options: DeployOptions ): Promise<DeployResult> {
	const log = options.log || ( ( line: string ) => console.log( line ) );
	const { target } = options;
	if ( !target.local ) {
		const dirty = dirtyPaths( options.repository );
		if ( dirty.length ) {
			throw new Error( 'Refusing to deploy to ' + target.apiUrl + ' from a dirty work tree:\n  ' + dirty.join( '\n  ' ) );
		}
	}
	const pages: PageToDeploy[] = await onWikiPages( { distDir: options.distDir } );
	const definitions = await gadgetDefinitionLines( { distDir: options.distDir } );
	refuse( pages, unsafeSignatures, 'Refusing to deploy text that would sign or substitute on save' );
	refuse( pages, unsavableCharacters, 'Refusing to deploy text that MediaWiki would change on save' );
	const bot = await connect( target );
	const titles = pages.map( ( page ) => page.title );
	if ( target.local ) {
		titles.push( GADGETS_DEFINITION );
	}
	const current = await readCurrent( bot, titles );
	if ( target.local ) {
		const existing = current.get( GADGETS_DEFINITION );
		pages.push( { title: GADGETS_DEFINITION, text: mergeGadgetDefinitions( existing && existing.text || '', definitions ) } );
	}
	const actions = planDeploy( pages, current );
	const commit = headCommit( options.repository );
	// Only changed pages are edited: the newest deploy is in the most recently edited pages.
	const newestFirst = Array.from( current.values() )
		.sort( ( a, b ) => ( b.lastRevision || 0 ) - ( a.lastRevision || 0 ) );
	const previous = deployedCommit( newestFirst.map( ( page ) => page.lastSummary ) );
	const summary = deploySummary( commit, previous, previous ? commitSubjectsSince( previous, options.repository ) : [] );
	const edited: string[] = [];
	for ( const action of actions ) {
		if ( action.change === 'unchanged' ) {
			log( `= ${ action.title } (unchanged)` );
			continue;
		}
		log( `${ action.change === 'create' ? '+' : '~' } ${ action.title } (${ action.change })` );
		if ( options.dryRun ) {
			log( action.diff );
			continue;
		}
		await bot.save( action.title, action.text, summary );
		edited.push( action.title );
	}
	if ( !target.local ) {
		log( '\n' + GADGETS_DEFINITION + ' is not edited on this wiki. An interface administrator should make sure it has these lines:\n\n' + definitions );
	}
	log( `\n${ options.dryRun ? 'Dry run: nothing was changed.' : edited.length + ' page(s) edited.' } Summary: ${ summary }` );
	return { actions: actions, edited: edited, summary: summary };
}

async function main(): Promise<void> {
	const dryRun = process.argv.includes( '--dry-run' );
	await deploy( { dryRun: dryRun, target: targetFromEnvironment() } );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	main().catch( ( error: Error ) => {
		console.error( 'Deploy failed: ' + error.message );
		process.exitCode = 1;
	} );
}
