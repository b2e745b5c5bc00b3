/**
 * `npm run deploy [-- --dry-run]`: install the built gadget and the on-wiki pages on
 * the target wiki (the local one unless HELPDESK_DEPLOY_API_URL names another).
 *
 * On a wiki that is not local it refuses a dirty work tree and never edits
 * MediaWiki:Gadgets-definition: it prints the lines for an interface administrator.
 * Text carrying a signature or `{{subst:` outside <nowiki> is never saved anywhere,
 * nor text that MediaWiki would change on save (control characters, not NFC).
 *
 * A page whose latest revision is not the deploy's own (its account, a summary
 * naming the commit) was changed on the wiki since the last deploy: it is not
 * overwritten unless `--force` is given. The diffs are shown, the page is listed
 * at the end and the exit code is 1. Create-only pages are never overwritten.
 */
import type { Mwn } from 'mwn';
import { onWikiPages, gadgetDefinitionLines, unsafeSignatures } from './onwiki-pages';
import { connect, targetFromEnvironment, TargetWiki } from './lib/target';
import { commitSubjectsSince, dirtyPaths, headCommit } from './lib/git';
import {
	changedOnWiki, CurrentPage, DeployAction, deployedCommit, deploySummary, isDeployEdit, mergeGadgetDefinitions, PageToDeploy, planDeploy,
	unsavableCharacters,
} from './lib/deploy-plan';

const GADGETS_DEFINITION = 'MediaWiki:Gadgets-definition';

export interface DeployOptions {
	dryRun: boolean;
	/** Overwrite pages changed on the wiki since the last deploy (never create-only ones). */
	force?: boolean;
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
	/** Pages changed on the wiki since the last deploy, and therefore not overwritten. */
	skipped: string[];
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
			rvprop: [ 'content', 'comment', 'ids', 'user' ],
			rvslots: 'main',
		} );
		for ( const page of response.query?.pages || [] ) {
			const revision = page.revisions && page.revisions[ 0 ];
			current.set( page.title, revision ?
				{ text: revision.slots?.main.content ?? '', lastSummary: revision.comment, lastRevision: revision.revid, lastUser: revision.user } :
				{ text: null } );
		}
	}
	return current;
}

/** The newest revision of `title` the deploy made, among its latest revisions (500, or 5000 for a bot). */
async function readLastDeploy( bot: Mwn, title: string, deployUser: string ): Promise<CurrentPage[ 'lastDeploy' ]> {
	const history = await bot.query( { titles: title, prop: 'revisions', rvprop: [ 'ids', 'user', 'comment' ], rvlimit: 'max' } );
	const revisions = history.query?.pages?.[ 0 ]?.revisions || [];
	const found = revisions.find( ( revision ) => isDeployEdit( revision.user, revision.comment, deployUser ) );
	if ( !found || found.revid === undefined ) {
		return null;
	}
	const response = await bot.query( { revids: found.revid, prop: 'revisions', rvprop: [ 'content' ], rvslots: 'main' } );
	const deployed = response.query?.pages?.[ 0 ]?.revisions?.[ 0 ];
	return { revision: found.revid, text: deployed?.slots?.main.content ?? '' };
}

function indent( text: string ): string {
	return text.replace( /\n$/, '' ).split( '\n' ).map( ( line ) => '    ' + line ).join( '\n' );
}

function logChangeOnWiki( log: ( line: string ) => void, action: DeployAction ): void {
	const change = action.changedOnWiki;
	if ( !change ) {
		return;
	}
	log( '  Changed on the wiki since the last deploy; latest edit by ' + ( change.user || '(hidden)' ) +
		( change.summary ? ' ("' + change.summary + '")' : '' ) + '.' );
	log( change.diff === null ?
		'  No deploy of this page was found in its history, so the change on the wiki cannot be shown.' :
		'  What was changed on the wiki since the last deploy:\n' + indent( change.diff ) );
	log( '  What the deploy ' + ( action.change === 'skip' ? 'would write' : 'writes' ) + ' instead:\n' + indent( action.diff ) );
}

/** Whether the wiki runs the extension called `name` (Special:Version's name). */
async function hasExtension( bot: Mwn, name: string ): Promise<boolean> {
	const response = await bot.request( { action: 'query', meta: 'siteinfo', siprop: 'extensions', formatversion: 2 } ) as
		{ query?: { extensions?: { name?: string }[] } };
	return ( response.query?.extensions || [] ).some( ( extension ) => extension.name === name );
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
	const definitions = await gadgetDefinitionLines( { distDir: options.distDir } );
	const bot = await connect( target );
	// With the Translate extension, the landing page is its source, to be marked for translation.
	const translate = await hasExtension( bot, 'Translate' );
	const pages: PageToDeploy[] = await onWikiPages( { distDir: options.distDir, translate: translate } );
	refuse( pages, unsafeSignatures, 'Refusing to deploy text that would sign or substitute on save' );
	refuse( pages, unsavableCharacters, 'Refusing to deploy text that MediaWiki would change on save' );
	if ( translate ) {
		log( 'The wiki has the Translate extension: the landing page is deployed as its source. Mark it for translation on the wiki after a change.' );
	}
	const titles = pages.map( ( page ) => page.title );
	if ( target.local ) {
		titles.push( GADGETS_DEFINITION );
	}
	const current = await readCurrent( bot, titles );
	const deployUser = ( await bot.userinfo() as { name: string } ).name;
	for ( const [ title, page ] of current ) {
		if ( changedOnWiki( page, deployUser ) ) {
			page.lastDeploy = await readLastDeploy( bot, title, deployUser );
		}
	}
	if ( target.local ) {
		const existing = current.get( GADGETS_DEFINITION );
		pages.push( { title: GADGETS_DEFINITION, text: mergeGadgetDefinitions( existing && existing.text || '', definitions ) } );
	}
	const models = new Map( pages.map( ( page ) => [ page.title, ( page as { contentModel?: string } ).contentModel ] ) );
	const actions = planDeploy( pages, current, { deployUser: deployUser, force: options.force } );
	const commit = headCommit( options.repository );
	// Only changed pages are edited: the newest deploy is in the most recently edited pages.
	const newestFirst = Array.from( current.values() )
		.sort( ( a, b ) => ( b.lastRevision || 0 ) - ( a.lastRevision || 0 ) );
	const previous = deployedCommit( newestFirst.map( ( page ) => page.lastSummary ) );
	const summary = deploySummary( commit, previous, previous ? commitSubjectsSince( previous, options.repository ) : [] );
	const edited: string[] = [];
	const skipped: string[] = [];
	for ( const action of actions ) {
		if ( action.change === 'unchanged' ) {
			log( `= ${ action.title } (unchanged)` );
			continue;
		}
		if ( action.change === 'skip' ) {
			log( `! ${ action.title } (skipped: changed on the wiki since the last deploy)` );
			logChangeOnWiki( log, action );
			skipped.push( action.title );
			continue;
		}
		log( `${ action.change === 'create' ? '+' : '~' } ${ action.title } (${ action.change }` +
			( action.changedOnWiki ? ', overwriting the changes made on the wiki since the last deploy: --force' : '' ) + ')' );
		logChangeOnWiki( log, action );
		if ( options.dryRun ) {
			if ( !action.changedOnWiki ) {
				log( action.diff );
			}
			continue;
		}
		// JSON pages outside the MediaWiki and Module namespaces are wikitext unless told.
		const model = models.get( action.title );
		await bot.save( action.title, action.text, summary, model ? { contentmodel: model } : {} );
		edited.push( action.title );
	}
	if ( !target.local ) {
		log( '\n' + GADGETS_DEFINITION + ' is not edited on this wiki. An interface administrator should make sure it has these lines:\n\n' + definitions );
	}
	log( `\n${ options.dryRun ? 'Dry run: nothing was changed.' : edited.length + ' page(s) edited.' } Summary: ${ summary }` );
	if ( skipped.length ) {
		log( '\n' + ( options.dryRun ? 'Would not overwrite' : 'Not overwritten' ) + ', changed on the wiki since the last deploy (the differences are above):\n  ' +
			skipped.join( '\n  ' ) + '\nBring the changes that should stay into shared/pages/ (or the code), then run again with --force to overwrite these pages.' );
	}
	return { actions: actions, edited: edited, skipped: skipped, summary: summary };
}

/**
 * `npm run deploy` with its arguments (`--dry-run`, `--force`); returns the exit
 * code: 1 when pages changed on the wiki were not overwritten.
 */
export async function runDeploy( args: string[], options: Omit<DeployOptions, 'dryRun' | 'force'> ): Promise<number> {
	const unknown = args.filter( ( arg ) => arg !== '--dry-run' && arg !== '--force' );
	if ( unknown.length ) {
		throw new Error( 'Unknown argument ' + unknown.join( ', ' ) + ': the arguments are --dry-run and --force' );
	}
	const result = await deploy( { ...options, dryRun: args.includes( '--dry-run' ), force: args.includes( '--force' ) } );
	return result.skipped.length ? 1 : 0;
}

async function main(): Promise<void> {
	process.exitCode = await runDeploy( process.argv.slice( 2 ), { target: targetFromEnvironment() } );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	main().catch( ( error: Error ) => {
		console.error( 'Deploy failed: ' + error.message );
		process.exitCode = 1;
	} );
}
