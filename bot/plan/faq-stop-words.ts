/**
 * Words too common to say what a request is about, per language of the requests,
 * for the FAQ candidates (`faq.ts`). Kept small on purpose: words shorter than
 * three letters are never counted anyway, so only longer function words and the
 * words nearly every request to the Helpdesk uses ("help", "would", "like") are
 * here. Lower case, Arabic without diacritics and without the article "ال".
 * English is always added to a request's own language: requests in other
 * languages often mix in English.
 */
export const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
	en: [
		'about', 'all', 'also', 'and', 'any', 'are', 'been', 'but', 'can', 'could', 'does', 'etc', 'for', 'from', 'get', 'had',
		'has', 'have', 'help', 'how', 'into', 'its', 'like', 'more', 'most', 'need', 'needs', 'not', 'our', 'ours', 'please', 'request',
		'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'very',
		'want', 'was', 'were', 'what', 'when', 'which', 'who', 'will', 'with', 'would', 'you', 'your',
	],
	sv: [
		'alla', 'att', 'av', 'behöver', 'den', 'det', 'och', 'eller', 'ett', 'för', 'från', 'har', 'hjälp', 'hur', 'kan',
		'med', 'men', 'mer', 'mycket', 'något', 'några', 'också', 'oss', 'som', 'till', 'vara', 'vad', 'vill', 'vår', 'våra',
		'vårt', 'är', 'även',
	],
	de: [
		'aber', 'alle', 'auch', 'auf', 'aus', 'bei', 'das', 'dass', 'dem', 'den', 'der', 'des', 'die', 'ein', 'eine', 'einen',
		'einer', 'für', 'haben', 'hilfe', 'ist', 'mit', 'nach', 'nicht', 'oder', 'sich', 'sie', 'sind', 'und', 'uns', 'unser',
		'unsere', 'von', 'wie', 'wir', 'wird', 'wollen', 'zum', 'zur',
	],
	fr: [
		'aux', 'avec', 'avons', 'aide', 'besoin', 'ces', 'cette', 'comme', 'dans', 'des', 'elle', 'est', 'etc', 'les', 'leur', 'leurs',
		'mais', 'nos', 'notre', 'nous', 'par', 'pas', 'plus', 'pour', 'que', 'qui', 'sont', 'sur', 'une', 'vous',
	],
	es: [
		'ayuda', 'como', 'con', 'del', 'esta', 'este', 'estos', 'hay', 'las', 'los', 'más', 'necesitamos', 'nos', 'nuestra',
		'nuestro', 'nuestros', 'para', 'pero', 'por', 'que', 'queremos', 'sobre', 'son', 'una', 'uno', 'unos',
	],
	ar: [
		'التي', 'الذي', 'الذين', 'الى', 'إلى', 'ذلك', 'على', 'عن', 'في', 'كان', 'لدينا', 'مع', 'من', 'نحتاج', 'نحن', 'نريد',
		'هذا', 'هذه', 'هل', 'وهو', 'وهي', 'مساعدة', 'ايضا', 'أيضا', 'حول',
	],
};
