/**
 * Accessibility checks in a real browser: axe-core's violations, moving with the
 * keyboard, and the text a person sees.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { settled } from './screenshots';

/** Press Tab until the focused element matches `selector`; fails after `limit` presses. */
export async function tabTo( page: Page, selector: string, limit = 60, key = 'Tab' ): Promise<void> {
	for ( let presses = 0; presses < limit; presses++ ) {
		if ( await page.evaluate( ( wanted ) => !!document.activeElement && document.activeElement.matches( wanted ), selector ) ) {
			return;
		}
		await page.keyboard.press( key );
	}
	throw new Error( `${ selector } not reached with ${ limit } presses of ${ key }` );
}

export interface AxeViolation {
	rule: string;
	impact: string;
	help: string;
	/** Each element concerned, with axe's explanation. */
	nodes: string[];
	/** The colours axe measured, for colour contrast. */
	colours: { foreground: string; background: string }[];
}

/**
 * axe-core's serious and critical violations inside `selector`, as the page looks
 * now. The mouse is moved off the page first: a button under it would be checked
 * in its hover state.
 */
export async function seriousViolations( page: Page, selector: string ): Promise<AxeViolation[]> {
	await page.mouse.move( 0, 0 );
	await settled( page );
	if ( !await page.evaluate( () => 'axe' in window ) ) {
		await page.addScriptTag( { content: axe.source } );
	}
	const violations = await page.evaluate( async ( context ) => {
		const runner = ( window as unknown as { axe: typeof axe } ).axe;
		const result = await runner.run( { include: [ [ context ] ] }, { resultTypes: [ 'violations' ] } );
		return result.violations.map( ( violation ) => ( {
			rule: violation.id,
			impact: String( violation.impact ),
			help: violation.help,
			nodes: violation.nodes.map( ( node ) => node.target.join( ' ' ) + ': ' + String( node.failureSummary ) ),
			colours: violation.nodes.map( ( node ) => {
				const data = ( node.any[ 0 ] && node.any[ 0 ].data || {} ) as { fgColor?: string; bgColor?: string };
				return { foreground: String( data.fgColor ), background: String( data.bgColor ) };
			} ),
		} ) );
	}, selector );
	return violations.filter( ( violation ) => violation.impact === 'serious' || violation.impact === 'critical' );
}

/**
 * The text a person sees inside `selector`: each visible text node, and the
 * placeholders, titles, labels and alternative texts of visible elements.
 * Parts under `skip` (e.g. the preview of the page, which is the request's own
 * text) are left out.
 */
export async function visibleTexts( page: Page, selector: string, skip = '.helpdesk-preview' ): Promise<string[]> {
	return page.$eval( selector, ( root, skipped ) => {
		const texts: string[] = [];
		const walker = document.createTreeWalker( root, NodeFilter.SHOW_TEXT );
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			const parent = node.parentElement;
			const text = ( node.textContent || '' ).trim();
			if ( text !== '' && parent && !parent.closest( skipped ) && parent.checkVisibility( { visibilityProperty: true } ) ) {
				texts.push( text );
			}
		}
		root.querySelectorAll( '[placeholder], [title], [aria-label], img[alt]' ).forEach( ( element ) => {
			if ( element.closest( skipped ) || !element.checkVisibility( { visibilityProperty: true } ) ) {
				return;
			}
			[ 'placeholder', 'title', 'aria-label', 'alt' ].forEach( ( attribute ) => {
				const text = ( element.getAttribute( attribute ) || '' ).trim();
				if ( text !== '' ) {
					texts.push( text );
				}
			} );
		} );
		return texts;
	}, skip );
}
