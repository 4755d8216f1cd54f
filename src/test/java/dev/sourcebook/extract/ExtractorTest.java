package dev.sourcebook.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.model.StatementKind;
import dev.sourcebook.source.AnnotationBinder;
import dev.sourcebook.source.AnnotationFile;
import dev.sourcebook.source.ArticleText;
import dev.sourcebook.source.YamlReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The extractor on a text written for these tests, with none of the seeds' words. */
class ExtractorTest {
  static final String TEXT =
      String.join(
          "\n",
          "Councillor quits after threats to family",
          "",
          "Sign up to our newsletter",
          "",
          "A councillor in Bramford has resigned after what she called a \"campaign\" against her son.",
          "",
          "\"I cannot put my family through this any longer,\" Jane Doe said on Monday.",
          "",
          "Hide Ad",
          "",
          "The Bramford Constabulary said it was investigating. A spokesman said: “We take these reports seriously.",
          "",
          "“Officers have spoken to a man in his forties.”",
          "",
          "Hide Ad",
          "",
          "She told the Gazette: “It started with letters. Then it was photographs of my boy.”",
          "");

  static final Extractor.KnownActors KNOWN =
      new Extractor.KnownActors(
          Map.of("jane-doe", List.of("Jane Doe", "Ms Doe"), "bramford-constabulary", List.of("Bramford Constabulary")),
          Set.of("bramford-constabulary"));

  @Test
  void findsQuotationsAndTheirSpeakers() {
    List<Extractor.Proposal> ps = Extractor.extract(TEXT, KNOWN).statements();
    assertEquals(
        List.of(
            "campaign",
            "I cannot put my family through this any longer,",
            "We take these reports seriously.\n\n“Officers have spoken to a man in his forties.",
            "It started with letters. Then it was photographs of my boy."),
        ps.stream().map(Extractor.Proposal::quote).toList());
    assertEquals(
        List.of("jane-doe", "jane-doe", "bramford-constabulary", "jane-doe"),
        ps.stream().map(Extractor.Proposal::speaker).toList());
    assertEquals(StatementKind.PARTIAL, ps.get(0).kind());
    assertEquals(StatementKind.DIRECT, ps.get(1).kind());
  }

  @Test
  void leavesOutRepeatedLinesAndPrompts() {
    List<String> left = Extractor.extract(TEXT, KNOWN).leftOut().stream().map(Extractor.LeftOut::text).toList();
    assertEquals(List.of("Councillor quits after threats to family", "Sign up to our newsletter", "Hide Ad", "Hide Ad"), left);
  }

  @Test
  void anUnknownSpeakerIsProposedAsANewActor() {
    List<Extractor.Proposal> ps = Extractor.extract("Tom Vale said: “Enough is enough.”\n", Extractor.KnownActors.NONE).statements();
    assertEquals("tom-vale", ps.get(0).speaker());
    assertTrue(!ps.get(0).knownSpeaker());
  }

  @Test
  void theDraftIsAnAnnotationFileWhoseQuotesAreFound() {
    String yaml = DraftWriter.yaml("test-article", "a.txt", TEXT, Extractor.extract(TEXT, KNOWN));
    YamlReader.Result tree = YamlReader.read("draft.yaml", yaml);
    assertEquals(List.of(), tree.diagnostics());
    AnnotationBinder.Result bound =
        AnnotationBinder.bind(
            List.of(new AnnotationFile("draft.yaml", tree.root())),
            Map.of("test-article", ArticleText.of("test-article", TEXT)),
            Set.of(),
            true);
    // Unreviewed, it is refused as a draft, and for nothing else.
    assertEquals(List.of("E-DRAFT"), bound.diagnostics().stream().map(Diagnostic::code).toList());
    assertEquals(4, bound.statements().size());
  }

  @Test
  void sentencesThatReportOutcomesAreProposedWithTheirType() {
    String text = "The man was given a caution and a restraining order.\n\nThe council refused to delete the file.\n";
    List<dev.sourcebook.model.OutcomeType> types =
        Extractor.extract(text, KNOWN).outcomes().stream().map(Extractor.ProposedOutcome::type).toList();
    assertEquals(
        List.of(
            dev.sourcebook.model.OutcomeType.CAUTION,
            dev.sourcebook.model.OutcomeType.RESTRAINING_ORDER,
            dev.sourcebook.model.OutcomeType.DELETION_REFUSED),
        types);
  }

  @Test
  void theDraftSaysWhichKnownActorsTheTextNames() {
    assertEquals(Map.of("jane-doe", 1, "bramford-constabulary", 1), Extractor.extract(TEXT, KNOWN).mentioned());
  }

  /** People and organisations of the constructions below (none of the seeds' or the sets' words). */
  static final Extractor.KnownActors PEOPLE =
      new Extractor.KnownActors(
          Map.of(
              "jane-doe", List.of("Jane Doe", "Ms Doe", "Cllr Doe"),
              "tom-vale", List.of("Tom Vale", "Mr Vale"),
              "wexford-gazette", List.of("Wexford Gazette"),
              "linkly", List.of("Linkly"),
              "dunham-council", List.of("Dunham Borough Council"),
              "bramford-constabulary", List.of("Bramford Constabulary"),
              "safe-to-stand", List.of("Safe to Stand")),
          Set.of("wexford-gazette", "linkly", "dunham-council", "bramford-constabulary", "safe-to-stand"));

  /**
   * Constructions that need a cast of their own (who has which given name, honorific or surname),
   * and the speakers of their quotations in order.
   */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> ownCast() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "a given name tells she from he where no honorific does",
            Map.of("ann-lowe", List.of("Ann Lowe"), "peter-tate", List.of("Cllr Peter Tate")),
            "Cllr Peter Tate met Ann Lowe on Monday. “We were scared,” she said. “It was late,” he said.",
            List.of("ann-lowe", "peter-tate")),
        org.junit.jupiter.params.provider.Arguments.of(
            "a given name alone is a name",
            Map.of("tom-haddow", List.of("Tom Haddow"), "sarah-haddow", List.of("Sarah")),
            "Tom Haddow and his wife, Sarah, had been married for years.\n\nThe MP said he had not told her. “I thought I could deal with it,” he said.",
            List.of("tom-haddow")),
        org.junit.jupiter.params.provider.Arguments.of(
            "an honorific before a surname says nothing of another who has it",
            Map.of("morag-lindsay", List.of("Morag Lindsay", "Ms Lindsay"), "stuart-lindsay", List.of("Stuart Lindsay"), "ann-reid", List.of("Ann Reid")),
            "Ms Lindsay was in court. Ann Reid spoke for the defence.\n\nOutside court, Ms Lindsay’s husband, Stuart Lindsay, said the family were relieved. “It has been a long year,” he said.",
            List.of("stuart-lindsay")),
        org.junit.jupiter.params.provider.Arguments.of(
            "names may open with any capital letter",
            Map.of("orla-devlin", List.of("Órla Devlin"), "ciaran-o-dalaigh", List.of("Ciarán Ó Dálaigh")),
            "Opening the debate, the Alliance MLA Órla Devlin said the figures were “only the start”.\n\nThe Sinn Féin councillor Ciarán Ó Dálaigh said it was “an attack on all of us”.",
            List.of("orla-devlin", "ciaran-o-dalaigh")));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("ownCast")
  void attributesTheConstructionWithItsOwnCast(String construction, Map<String, List<String>> cast, String text, List<String> speakers) {
    assertEquals(speakers, speakers(text, new Extractor.KnownActors(cast, Set.of())), construction);
  }

  /** Each construction, and the speakers of its quotations in order (a name or title quoted is none). */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
          it: the organisation the sentence before is about | The Wexford Gazette accused Linkly of ignoring reports.\\n\\nThe paper said it had flagged the account. “Nobody replied,” it said.\\n\\nLinkly rejected the claim. It said it had acted “within hours”. | wexford-gazette linkly
          a spokesperson for an organisation, after the quotation | Jane Doe spoke first.\\n\\n“We are looking into it,” a spokeswoman for Dunham Borough Council said. | dunham-council
          a slogan on placards is not a statement | Protesters carried placards reading “Hands Off Our Reps”.\\n\\nTom Vale said: “This has to stop.” | tom-vale
          a title as a sentence's subject is not a statement | Tom Vale took part in a documentary.\\n\\n“Safe Seats” follows four MPs for a year.\\n\\nMr Vale said: “I agreed to take part.” | tom-vale
          an unnamed officer speaks for the police | Jane Doe said an officer had told her to “stay indoors”.\\n\\nThe Bramford Constabulary said it would review the case. | bramford-constabulary
          whose complaint it is | Ms Doe’s complaint that she had been “hounded” was upheld in a letter seen by the Wexford Gazette. | jane-doe
          an indefinite description: the person introduced after it | A councillor who was sent threats has described feeling “hunted”.\\n\\nJane Doe, who represents Abbey ward, spoke to Tom Vale. | jane-doe
          a description and the name it gives | The chair of the committee, Jane Doe, called the report “deeply troubling”. | jane-doe
          someone's description and the name it gives | Mr Vale’s solicitor, Jane Doe, said the claims were “baseless”. | jane-doe
          after an opening participle's phrase | Responding for the council, the deputy leader, Tom Vale, said the rules were “adequate”. | tom-vale
          a headline's quotation of words quoted below is that quotation's | Councillor ‘hunted’ by trolls\\n\\nJane Doe said she felt “hunted” by anonymous accounts. | jane-doe
          a quotation alone after a paragraph about another person | Jane Doe opened the debate. “We must act,” she said.\\n\\nTom Vale recalled the day his office was attacked.\\n\\n“Nobody came to help.” | jane-doe tom-vale
          a message from someone, saying | Jane Doe spoke to Tom Vale.\\n\\nShe then had a letter from the Dunham Borough Council telling her the post was “not a threat”. | dunham-council
          a pronoun after the verb opens the clause said | Linkly was criticised.\\n\\nDunham Borough Council, which said it was “sympathetic”, said it would seek advice. | dunham-council
          what someone called | What the council leader, Tom Vale, called a “disgrace” will be debated. | tom-vale
          officers not named speak for the police | Bramford Constabulary is investigating.\\n\\nJane Doe was warned by officers to “stay inside”. | bramford-constabulary
          people not named, a plural alone, and the subject's second verb | Jane Doe was described by colleagues as “tireless”, but said she felt “worn down”. | colleagues jane-doe
          someone unnamed in a relative clause | Tom Vale was approached by a man who said he knew “where you live”. | a-man
          whose complaint | Jane Doe, whose complaint to the Dunham Borough Council called its reply “evasive”, said she would appeal. | jane-doe
          a note whose writer is not named | Jane Doe was sent a parcel.\\n\\nThe parcel came with a note reading “You’re next”. | unknown-speaker
          a complaint about someone | Jane Doe was given protection after a complaint about her “extreme” views was posted online. | unknown-speaker
          a letter its writer sent | Tom Vale has written to the Speaker. The letter describes his staff as “the front line”. | tom-vale
          a headline's speaker without articles | ‘Leave them out of it’: MP’s fury at trolls\\n\\nThe Labour MP Jane Doe has condemned the posts. | jane-doe
          a description that opens the report is a role of whom it names | A senior MP has said he was forced to move.\\n\\nTom Vale left his home in May. The Home Secretary, Jane Doe, said she had spoken to him. “Nobody should be hounded out,” she said.\\n\\n“I want answers,” the MP said. | jane-doe tom-vale
          one of the people just spoken of | Jane Doe was pelted with eggs.\\n\\nBut friends said she was shaken. “Her hands were shaking,” one said. | unnamed-one
          a source not named is nobody named later | A source close to the family said: “He is livid.”\\n\\nTom Vale later spoke to Jane Doe. | a-source-close-to-the-family
          a speaker after a conjunction, with a description of where they are from | Tom Vale spoke first.\\n\\nBut Jane Doe, of the Wexford Gazette, said: “Most of these are crimes.” | jane-doe
          whom a quotation is told is not who says it | Jane Doe, who said in May the report was “weeks away”, told MPs on Wednesday it was late. | jane-doe
          a spokesperson for the organisation called by its kind | Bramford Constabulary has 12 officers.\\n\\nA spokesperson for the force said the figures were up, and added: “Every report is assessed.” | bramford-constabulary
          a role after the quotation and the name it gives | “This was a disgrace,” said the councillor, Jane Doe, who chairs the committee. | jane-doe
          a description as subject is all its words | Tom Vale spoke first.\\n\\nA senior Labour member of the council, who has also been threatened, said the report was “required reading”. “It is brave,” said the councillor, Jane Doe. | jane-doe jane-doe
          whom someone represents is a role | Jane Doe, who has represented Dunmere since 2010, spoke first. Tom Vale followed.\\n\\n“They were aware,” the Dunmere MP said. | jane-doe
          capitalised words are a name, not words said | The arrest was part of “Operation Lantern”, the force said.\\n\\nJane Doe said: “We are relieved.” | jane-doe
          a complaint from someone about | Tom Vale faces a complaint from Jane Doe, a councillor, about his “offhand” reply. | jane-doe
          a message and who sent it, reading | Jane Doe said one user had sent her a message reading: “We will find you.” | one-user
          a passive with a clause of its own after the quotation | Jane Doe, defending, said her client had “lost all sense of proportion” after his business was hit by a council decision. | jane-doe
          he: whom the clause reported before is about | Jane Doe told the jury Tom Vale had recorded videos. In one, he said: “I know where she lives.” | tom-vale
          the accused in a court report | Tom Vale, 44, admitted harassment.\\n\\nJane Doe, prosecuting, said: “In one, the accused wrote: ‘You are next.’” | jane-doe tom-vale
          who: the name a description between commas describes | Tom Vale, the Labour group leader on Dunham Borough Council, who said he had raised it, called it “a failure”. | tom-vale
          a possessive before a role and its name | Dunham’s council leader, Jane Doe, spoke first. Tom Vale followed.\\n\\n“We will act,” the council leader said. | jane-doe
          an agent and the name its description gives | Jane Doe was told by the social media platform Linkly that the posts “did not breach our rules”. | linkly
          told without its verb | Concerns were dismissed by officials of Dunham Borough Council, with one researcher told that threats were “part of the job”. | dunham-council
          an organisation describing a person is not the person | Jane Doe writes for the Wexford Gazette.\\n\\n“I have seen worse,” the Wexford Gazette columnist said. | jane-doe
          the name that closes a description between commas | The charity Safe Seats, whose director, Jane Doe, said: “There is a line.” | jane-doe
          a name inside a name, a scheme's name, a code name | Ministers pointed to the ‘democratic resilience’ programme and an inquiry codenamed ‘Kestrel’. Tom ‘Tommy’ Vale was there.\\n\\nJane Doe said: “It is not enough.” | jane-doe
          what officers called | Jane Doe was warned, in what officers called “a deliberate attempt”, to stay in. Bramford Constabulary is investigating. | bramford-constabulary
          who after a name whose description is the relative's antecedent | Cllr Jane Doe, the Labour leader of the council, who described the posts as “cowardly”, spoke first. | jane-doe
          a written thing's maker only in its own words | A report published by Dunham Borough Council found that the complaint about his “inflammatory” posts had no basis. | unknown-speaker
          an agent's description, a possessive and the name after a comma | Tom Vale was told by the council’s chief executive, Jane Doe, that he would “not be permitted” to complain again. | jane-doe
          a possessive is whose the role is, not the role | Dunham Borough Council’s chief executive, Jane Doe, spoke.\\n\\nThe council, which said it had “a duty to consider every complaint”, declined to comment. | dunham-council
          whose barrister, named | Tom Vale, whose barrister Jane Doe said he had been “consumed by anger”, wrote to the court. | jane-doe
          the caller the text does not name | Tom Vale took a call on Tuesday.\\n\\nThe caller, who said he was “a constituent”, hung up. | the-caller
          an age is a role | Jane Doe, 39, and Tom Vale, 61, spoke at the count.\\n\\n“My kids are eight,” the 39-year-old said. | jane-doe
          a whole description after the verb and its name | “It is no coincidence,” said the council's leader, Jane Doe. | jane-doe
          the writer is the subject of the verb of writing | Jane Doe, prosecuting, said Tom Vale had posted a message. The full post read: “You will pay.” | tom-vale
          a second verb joined without a comma is the clause's subject's | Jane Doe said Tom Vale had jabbed a finger at her and told her: “You will pay.” | tom-vale
          a second verb joined after a comma is the sentence's subject's | Jane Doe said Tom Vale had set up the account, and told the court: “It was explicit.” | jane-doe
          a spokesperson for an organisation whose name has small words | Jane Doe spoke.\\n\\n“We welcome it,” said a spokesperson for Safe to Stand. | safe-to-stand
          a senior figure not named is nobody named later | A senior Labour figure, who asked not to be named, said the party was “worried sick”.\\n\\nJane Doe said nothing. | a-senior-labour-figure
          a government spokesperson, the government unnamed | “We do not accept that,” a government spokesperson said.\\n\\nLinkly declined to comment. | government
          the judge named after the description | A man was jailed in a case described by the judge as “grotesque”.\\n\\nJudge Tom Vale said more. | tom-vale
          a place after a preposition is not a subject | A Labour councillor in Dunham has said she will not be “driven out”.\\n\\nJane Doe found her car daubed. | jane-doe
          they: the officers of its sentence | Tom Vale was warned by police after officers heard of what they described as a “credible threat”. Bramford Constabulary is investigating. | bramford-constabulary
          what its leader called | Dunham Borough Council will pay for cameras after what its leader called “a year like no other”.\\n\\nThe council leader, Jane Doe, announced it. | jane-doe
          a person of an organisation | “It is industrial,” said Chief Constable Tom Vale of Bramford Constabulary. | tom-vale
          a name does not run on into the day | “It is intimidation,” said Mr Vale on Sunday. | tom-vale
          an indefinite agent is someone unnamed | Tom Vale was told by a man in the street that he would “regret this”.\\n\\nJane Doe called the police. | a-man
          one of some people, unnamed | Tom Vale spoke to the meeting.\\n\\nOne resident, who said the patrols were “heavy-handed”, left early. | unnamed-one-resident
          no inverted speaker that is a thing | Bramford Constabulary, which said it “does not comment on individuals”, confirmed an investigation was under way. | bramford-constabulary
          a headline's subject after a dash | “I thought he would kill me” – councillor attacked while leafleting\\n\\nJane Doe, a councillor, was punched on Saturday. | jane-doe
          a headline's subject before a colon and its quotation | Councillor urges ministers to act: ‘This is a crisis’\\n\\nJane Doe, a councillor, spoke in the chamber. | jane-doe
          quotations in straight single marks | Tom Vale spoke first.\\n\\n'I've been canvassing for years,' Jane Doe said. 'I'm not a machine.' | jane-doe jane-doe
          a subheading's quotation of words quoted below | Jane Doe spoke.\\n\\n'Damaging public life'\\n\\nShe said the posts were “damaging the whole of public life”. | jane-doe
          whose ... he said | Tom Vale thanked Bramford Constabulary, whose officers he said had been “patient and kind”. | tom-vale
          a headline's words after a colon, to a person's noun | ‘It could have been worse’: Dunham caseworker back at work\\n\\nTom Vale returned to the office on Monday. | tom-vale
          a clause reported inside another is not what the next sentence's pronoun stands for | Cllr Tom Vale said one man in the gallery had called him a “traitor”. “I have been shouted at before,” he said. | unnamed-one-man-in-the-gallery tom-vale
          officers of an organisation named by its kind | Dunham Borough Council reviewed the case.\\n\\nJane Doe was told by council officers they were “obliged to consider” it. | dunham-council
          said someone's description, and its name | “He is deeply ashamed,” said Vale's solicitor, Jane Doe. | jane-doe
          """)
  void attributesTheConstruction(String construction, String text, String speakers) {
    List<Extractor.Proposal> ps = Extractor.extract(text.replace("\\n", "\n"), PEOPLE).statements();
    assertEquals(List.of(speakers.split(" ")), ps.stream().map(Extractor.Proposal::speaker).toList(), construction + ": " + ps);
  }

  /** The speakers of a text's quotations, in order. */
  private static List<String> speakers(String text, Extractor.KnownActors known) {
    return Extractor.extract(text, known).statements().stream().map(Extractor.Proposal::speaker).toList();
  }
}
