package dev.thinkbench.ui.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown shown as JavaFX nodes: parsed by flexmark (CommonMark plus tables) and drawn as text flows, so the text
 * wraps with the width, takes the theme's colours and follows the root font size (zoom). Covers what lessons and help
 * use: headings, paragraphs with emphasis, strong, inline code and links (shown, not followed), bullet and numbered
 * lists, block quotes, code blocks, tables and rules; anything else shows as its plain text. Style classes start with
 * {@code md-}. UI thread only.
 */
public final class MarkdownView extends VBox {

    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))).build();

    private String source = "";

    public MarkdownView() {
        getStyleClass().add("markdown-view");
        setSpacing(10);
        setFillWidth(true);
    }

    /** Shows {@code markdown}, replacing what was shown. */
    public void setMarkdown(String markdown) {
        source = markdown == null ? "" : markdown;
        getChildren().clear();
        Node document = PARSER.parse(source);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            javafx.scene.Node shown = block(block);
            if (shown != null) {
                getChildren().add(shown);
            }
        }
    }

    /** The Markdown shown. */
    public String markdown() {
        return source;
    }

    /** The text shown, block by block, for tests and search. */
    public String plainText() {
        StringBuilder b = new StringBuilder();
        collect(this, b);
        return b.toString().strip();
    }

    private static void collect(javafx.scene.Node node, StringBuilder b) {
        if (node instanceof javafx.scene.text.Text t) {
            b.append(t.getText().replace('\u00A0', ' ')); // as written: a search types a plain space
        } else if (node instanceof Label l) {
            b.append(l.getText()).append(' ');
        } else if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                collect(child, b);
            }
            if (node instanceof TextFlow || node instanceof GridPane) {
                b.append('\n');
            }
        }
    }

    private javafx.scene.Node block(Node block) {
        return switch (block) {
            case Heading h -> {
                TextFlow flow = inlines(h, "md-heading", "md-h" + Math.min(h.getLevel(), 4));
                flow.getStyleClass().addAll("md-heading-flow", "md-h" + Math.min(h.getLevel(), 4) + "-flow");
                yield flow;
            }
            case Paragraph p -> inlines(p, "md-text");
            case BulletList list -> list(list, false);
            case OrderedList list -> list(list, true);
            case BlockQuote quote -> {
                VBox box = new VBox(6);
                box.getStyleClass().add("md-quote");
                for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                    javafx.scene.Node shown = block(child);
                    if (shown != null) {
                        box.getChildren().add(shown);
                    }
                }
                yield box;
            }
            case FencedCodeBlock code -> codeBlock(code.getContentChars().toString());
            case IndentedCodeBlock code -> codeBlock(code.getContentChars().toString());
            case TableBlock table -> table(table);
            case ThematicBreak rule -> new Separator();
            default -> {
                String text = block.getChars().toString().strip();
                yield text.isEmpty() ? null : flow(List.of(text(text, "md-text")));
            }
        };
    }

    private static Label codeBlock(String text) {
        Label code = new Label(text.stripTrailing());
        code.getStyleClass().add("md-code-block");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        code.setMinHeight(Region.USE_PREF_SIZE);
        return code;
    }

    private VBox list(Node list, boolean ordered) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-list");
        int n = list instanceof OrderedList o ? o.getStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label bullet = new Label(ordered || item instanceof OrderedListItem ? n++ + "." : "\u2022");
            bullet.getStyleClass().add("md-bullet");
            bullet.setMinWidth(Region.USE_PREF_SIZE);
            VBox content = new VBox(4);
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                javafx.scene.Node shown = child instanceof Paragraph p ? inlines(p, "md-text") : block(child);
                if (shown != null) {
                    content.getChildren().add(shown);
                }
            }
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(8, bullet, content);
            row.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private GridPane table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        int columns = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            if (section instanceof TableSeparator) {
                continue; // the |---|---| line: alignment only, nothing to show
            }
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow flow = inlines(cell, head ? "md-table-head" : "md-text");
                        flow.getStyleClass().add(head ? "md-table-head-cell" : "md-table-cell");
                        flow.setMaxWidth(Double.MAX_VALUE);
                        if (plainLength(cell) <= UNBROKEN_CELL) {
                            // a short cell (a spec such as effort:LEVEL) stays on one line; its column keeps room
                            // for it, where it was cut mid-word ("effort:LEVE" / "L")
                            flow.setMinWidth(Region.USE_PREF_SIZE);
                        }
                        grid.add(flow, col++, row);
                    }
                }
                columns = Math.max(columns, col);
                row++;
            }
        }
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.SOMETIMES);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
        }
        return grid;
    }

    /** Table cells up to this many characters never wrap. */
    private static final int UNBROKEN_CELL = 16;

    /** The characters of a cell's text, code backticks aside. */
    private static int plainLength(TableCell cell) {
        return cell.getText().toString().strip().replace("`", "").length();
    }

    private TextFlow inlines(Node parent, String... style) {
        List<javafx.scene.text.Text> texts = new ArrayList<>();
        addInlines(parent, texts, List.of(style));
        return flow(texts);
    }

    private static TextFlow flow(List<javafx.scene.text.Text> texts) {
        TextFlow flow = new TextFlow(texts.toArray(javafx.scene.Node[]::new));
        flow.getStyleClass().add("md-flow");
        flow.setMinWidth(0);
        return flow;
    }

    private void addInlines(Node parent, List<javafx.scene.text.Text> out, List<String> style) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case Text t -> out.add(text(keepPercentWithNumber(t.getChars().toString()), style));
                case Code c -> out.add(text(c.getText().toString(), plus(style, "md-code")));
                case Emphasis e -> addInlines(e, out, plus(style, "md-em"));
                case StrongEmphasis s -> addInlines(s, out, plus(style, "md-strong"));
                case Link l -> addInlines(l, out, plus(style, "md-link"));
                case SoftLineBreak b -> out.add(text(" ", style));
                case HardLineBreak b -> out.add(text("\n", style));
                default -> {
                    if (n.hasChildren()) {
                        addInlines(n, out, style);
                    } else {
                        out.add(text(n.getChars().toString(), style));
                    }
                }
            }
        }
    }

    private static final java.util.regex.Pattern NUMBER_PERCENT = java.util.regex.Pattern.compile("(\\d) %");

    /** "57 %" keeps its sign on the number's line: the space before it does not break (a line read "81" then "%"). */
    static String keepPercentWithNumber(String s) {
        return NUMBER_PERCENT.matcher(s).replaceAll("$1\u00A0%");
    }

    private static List<String> plus(List<String> style, String more) {
        List<String> all = new ArrayList<>(style);
        all.add(more);
        return all;
    }

    private static javafx.scene.text.Text text(String s, String... style) {
        return text(s, List.of(style));
    }

    private static javafx.scene.text.Text text(String s, List<String> style) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.getStyleClass().add("md-run");
        t.getStyleClass().addAll(style);
        return t;
    }
}
