/**
 * Short news texts written for the language check: a few paragraphs and
 * headlines in each of the languages of the news it must tell from English,
 * and English that is hard for it (foreign names and phrases, headlines).
 */
export interface Samples {
  paragraphs: string[];
  headlines: string[];
}

export const OTHER_LANGUAGES: Record<string, Samples> = {
  German: {
    paragraphs: [
      "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland angekündigt. Der Kanzler sagte in Berlin, man werde die Ukraine weiter unterstützen, solange es nötig sei. Die Opposition kritisierte, dass die Maßnahmen zu spät kämen und nicht weit genug gingen.",
      "Nach den schweren Überschwemmungen im Süden des Landes sind mindestens zwölf Menschen ums Leben gekommen. Die Rettungskräfte suchen noch nach Vermissten, teilte das Innenministerium mit. Der Ministerpräsident besuchte am Abend die betroffenen Gemeinden.",
      "Frankreich und Deutschland wollen ihre Zusammenarbeit in der Verteidigung ausbauen. Bei einem Treffen in Paris unterzeichneten die beiden Außenminister eine gemeinsame Erklärung, die auch die Beschaffung neuer Panzer vorsieht.",
    ],
    headlines: [
      "Kanzler trifft Präsidenten in Washington zu Gesprächen über die Ukraine",
      "Regierung kündigt neue Sanktionen gegen den Iran an",
      "Polizei nimmt mutmaßlichen Attentäter in München fest",
      "Streik bei der Bahn: Gewerkschaft ruft zu Warnstreiks auf",
      "Merkel und Macron fordern Waffenruhe",
    ],
  },
  French: {
    paragraphs: [
      "Le président de la République a reçu mardi son homologue sénégalais à l'Élysée pour évoquer la situation au Sahel. Selon un communiqué de la présidence, les deux chefs d'État ont insisté sur la nécessité d'une coopération renforcée contre les groupes armés.",
      "Des milliers de manifestants ont défilé samedi dans les rues de Marseille pour protester contre la réforme des retraites. La police a fait usage de gaz lacrymogène après des heurts près du port, et plusieurs personnes ont été interpellées.",
      "Le gouvernement a annoncé qu'il allait débloquer une aide d'urgence pour les agriculteurs touchés par la sécheresse. Le ministre de l'Agriculture a précisé que les premiers versements auraient lieu dans les prochaines semaines.",
    ],
    headlines: [
      "Le Premier ministre annonce sa démission après le vote de la motion de censure",
      "La France rappelle son ambassadeur au Niger",
      "Grève des contrôleurs aériens : des centaines de vols annulés",
      "Les ministres européens se réunissent à Bruxelles sur la migration",
      "Attaque contre une patrouille de l'armée au Mali",
    ],
  },
  Spanish: {
    paragraphs: [
      "El presidente del Gobierno se reunió el jueves en Madrid con el primer ministro portugués para firmar un acuerdo sobre la gestión del agua de los ríos compartidos. Ambos líderes destacaron que el pacto llega tras años de negociaciones.",
      "La policía detuvo a tres personas tras los enfrentamientos registrados en el centro de Buenos Aires durante una protesta contra el aumento de las tarifas del transporte. Según fuentes oficiales, una decena de agentes resultaron heridos.",
      "El Ministerio de Asuntos Exteriores condenó el ataque contra la embajada y pidió a las autoridades locales que garanticen la seguridad del personal diplomático. Hasta el momento ningún grupo ha reivindicado la acción.",
    ],
    headlines: [
      "El Gobierno aprueba un nuevo paquete de ayudas para los afectados por la DANA",
      "México y Estados Unidos acuerdan reforzar la vigilancia en la frontera",
      "La oposición venezolana denuncia fraude en las elecciones",
      "Detenido en Bogotá un líder de la disidencia de las FARC",
      "Miles de personas protestan en Santiago contra la reforma",
    ],
  },
  Portuguese: {
    paragraphs: [
      "O presidente brasileiro recebeu nesta segunda-feira o chefe de Estado argentino no Palácio do Planalto para discutir a integração comercial no Mercosul. Os dois líderes assinaram acordos nas áreas de energia e defesa, segundo o Itamaraty.",
      "A polícia de Lisboa deteve quatro suspeitos ligados a uma rede de tráfico de armas que operava entre Portugal e Espanha. A investigação durou mais de um ano e contou com a cooperação das autoridades espanholas.",
      "Milhares de professores fizeram greve na quarta-feira em todo o país para exigir aumento salarial. O ministro da Educação disse que o governo está aberto ao diálogo, mas que não há recursos para atender todas as reivindicações.",
    ],
    headlines: [
      "Governo anuncia novas medidas contra o desmatamento na Amazônia",
      "Presidente de Angola visita Portugal para reforçar a cooperação",
      "Polícia Federal prende ex-ministro em operação contra a corrupção",
      "Brasil e China assinam acordos de comércio e investimento",
      "Protestos em São Paulo terminam com dezenas de detidos",
    ],
  },
  Italian: {
    paragraphs: [
      "Il presidente del Consiglio ha incontrato ieri a Roma il cancelliere tedesco per discutere della crisi migratoria nel Mediterraneo. Al termine del colloquio, i due leader hanno chiesto all'Unione europea un maggiore impegno nel controllo delle frontiere.",
      "Migliaia di persone sono scese in piazza a Milano per protestare contro la chiusura di una fabbrica che dà lavoro a oltre duemila operai. I sindacati hanno annunciato uno sciopero generale per la prossima settimana.",
      "La procura di Palermo ha disposto l'arresto di dodici persone accusate di far parte di un clan mafioso. Secondo gli investigatori, il gruppo controllava gli appalti pubblici in diversi comuni della provincia.",
    ],
    headlines: [
      "Il governo approva la manovra, scontro con l'opposizione",
      "Migranti, nuovo sbarco a Lampedusa: soccorse oltre cento persone",
      "La Commissione europea apre una procedura contro l'Italia",
      "Arrestato a Napoli il capo di un clan della camorra",
      "Sciopero dei trasporti, disagi nelle principali città",
    ],
  },
  Dutch: {
    paragraphs: [
      "De Nederlandse regering heeft dinsdag besloten om extra militaire steun naar Oekraïne te sturen. Volgens de minister van Defensie gaat het om luchtafweersystemen en munitie, die de komende maanden worden geleverd.",
      "Duizenden boeren zijn met hun trekkers naar Den Haag gereden om te protesteren tegen de nieuwe stikstofregels. De politie zette de snelwegen rond de stad af en hield enkele demonstranten aan.",
      "Het kabinet is gevallen nadat de coalitiepartijen geen akkoord konden bereiken over het asielbeleid. De premier heeft zijn ontslag aangeboden aan de koning, en er komen vervroegde verkiezingen.",
    ],
    headlines: [
      "Kabinet stuurt extra wapens naar Oekraïne",
      "Premier biedt ontslag aan na ruzie over asielbeleid",
      "Politie houdt verdachte aan na schietpartij in Rotterdam",
      "Boeren protesteren opnieuw tegen de stikstofplannen van het kabinet",
      "België en Nederland werken samen tegen drugssmokkel in de havens",
    ],
  },
  Indonesian: {
    paragraphs: [
      "Presiden Indonesia bertemu dengan Perdana Menteri Malaysia di Jakarta pada hari Senin untuk membahas sengketa perbatasan di Kalimantan. Kedua pemimpin sepakat untuk mempercepat perundingan yang sudah berlangsung selama bertahun-tahun.",
      "Polisi menangkap lima orang yang diduga terlibat dalam serangan bom di sebuah gereja di Surabaya. Menurut juru bicara kepolisian, para tersangka merupakan anggota jaringan yang telah lama diawasi oleh aparat keamanan.",
      "Ribuan mahasiswa berunjuk rasa di depan gedung parlemen untuk menolak rancangan undang-undang yang dianggap membatasi kebebasan pers. Aksi tersebut berakhir ricuh setelah polisi menembakkan gas air mata.",
    ],
    headlines: [
      "Presiden bertemu Perdana Menteri Malaysia bahas perbatasan",
      "Polisi tangkap lima terduga teroris di Surabaya",
      "Ribuan mahasiswa demo tolak RUU yang dinilai membatasi kebebasan pers",
      "Indonesia dan Australia sepakat memperkuat kerja sama keamanan",
      "Gempa di Sulawesi, ratusan rumah rusak dan warga mengungsi",
    ],
  },
  Turkish: {
    paragraphs: [
      "Cumhurbaşkanı, Ankara'da Azerbaycan Devlet Başkanı ile bir araya gelerek iki ülke arasındaki enerji iş birliğini görüştü. Görüşmenin ardından yapılan ortak basın toplantısında yeni bir doğalgaz boru hattı projesi açıklandı.",
      "İstanbul'da düzenlenen gösteride polis, kalabalığı dağıtmak için biber gazı kullandı ve onlarca kişiyi gözaltına aldı. Valilik, eylemin izinsiz olduğunu ve güvenlik önlemlerinin bu nedenle alındığını açıkladı.",
      "Dışişleri Bakanlığı, komşu ülkenin sınır bölgesindeki askeri hareketliliğini kınayan bir açıklama yaptı. Açıklamada, Türkiye'nin bölgedeki gelişmeleri yakından takip ettiği ve gerekli tedbirleri alacağı belirtildi.",
    ],
    headlines: [
      "Cumhurbaşkanı Azerbaycan lideri ile görüştü",
      "İstanbul'da izinsiz gösteriye polis müdahalesi: onlarca gözaltı",
      "Dışişleri Bakanlığı sınırdaki askeri hareketliliği kınadı",
      "Merkez Bankası faizi yine artırdı",
      "Deprem bölgesinde yeni konutların inşası sürüyor",
    ],
  },
};

/** English that carries other languages' words: names, borrowed phrases, hyphenated prefixes, headlines. */
export const HARD_ENGLISH: Samples = {
  paragraphs: [
    "European Commission President Ursula von der Leyen met Marine Le Pen's rivals in Strasbourg on Tuesday, days after Der Spiegel and Le Monde reported on the talks. Speaking at 9 am, she said the bloc would not accept a fait accompli in the east.",
    "Syrian President Bashar al-Assad and Egypt's Abdel Fattah el-Sisi discussed de-escalation in Gaza, while Brazil's Luiz Inacio Lula da Silva called for a ceasefire. An op-ed in El País argued that the non-aligned countries could mediate.",
    "Officials in Côte d'Ivoire said the coup d'état attempt had failed. The café owners in Abidjan reopened by 5 o'clock, and a van carrying soldiers was seen near the presidential palace, according to witnesses quoted by the state broadcaster.",
    "The Dutch prime minister met the Belgian king in The Hague. Ministers from Indonesia, Turkey, Spain, Portugal, Italy and Germany also attended the summit, which ended with a joint statement on migration and trade.",
  ],
  headlines: [
    "Von der Leyen meets Le Pen in Brussels",
    "Lula da Silva visits La Paz",
    "Erdoğan and Müller sign trade deal in Ankara",
    "Der Spiegel: Berlin to send tanks",
    "El-Sisi, al-Assad hold talks in Cairo",
    "Macron says France will de-escalate",
    "Le Monde and El País report on Sahel coup",
    "Van Rompuy praises Dutch role in EU",
    "Russia condemns China over border clash",
    "Japan and South Korea sign trade agreement",
    "Protesters chant 'à bas la dictature' outside embassy",
    "DIE WELT REPORTS GERMAN TROOPS MOVE EAST",
  ],
};
