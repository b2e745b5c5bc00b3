/**
 * Other names people use for a country (former, short or long), by code, where
 * neither the shared English name nor the browser's names have them. The form
 * accepts them when typed and finds the country by them; requests store the
 * code, so these never reach a page.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
	CD: [ 'DR Congo', 'DRC', 'Zaire' ],
	CI: [ 'Côte d\'Ivoire' ],
	CV: [ 'Cape Verde' ],
	CZ: [ 'Czech Republic' ],
	GB: [ 'UK', 'Great Britain' ],
	MK: [ 'Macedonia' ],
	MM: [ 'Burma' ],
	NL: [ 'Holland' ],
	SZ: [ 'Swaziland' ],
	TL: [ 'Timor-Leste' ],
	TR: [ 'Turkey' ],
	US: [ 'USA' ],
	VA: [ 'Holy See' ],
	AE: [ 'UAE' ],
};
