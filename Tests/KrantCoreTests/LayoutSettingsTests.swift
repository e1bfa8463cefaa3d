import KrantCore
import Testing

/// The config file's layout settings, as the reader draws them.
@Suite struct LayoutSettingsTests {
    let headline = Headline(id: 1, title: "Poetin in Vietnam", source: "NOS Nieuws",
                            published: PublishedDate(year: 2024, month: 6, day: 19, hour: 11, minute: 29))

    /// Columns give way only when the title would get fewer than 24
    /// columns, the source before the date; the title always stays.
    @Test func columnsGiveWayByPriority() {
        #expect(HeadlineRow.line(for: headline, width: 60).text
                == "N  19 Jun 11:29 NOS Nieuws   Poetin in Vietnam" + String(repeating: " ", count: 14))
        #expect(HeadlineRow.line(for: headline, width: 53).text.hasPrefix("N  19 Jun 11:29 NOS Nieuws   Poetin"))
        #expect(HeadlineRow.line(for: headline, width: 52).text.hasPrefix("N  19 Jun 11:29 Poetin in Vietnam"))
        #expect(HeadlineRow.line(for: headline, width: 40).text.hasPrefix("N  19 Jun 11:29 Poetin in Vietnam"))
        #expect(HeadlineRow.line(for: headline, width: 39).text.hasPrefix("N  Poetin in Vietnam"))
        // Only the columns asked for, in their order.
        let sourceOnly = LayoutSettings(columns: [.source, .date])
        #expect(HeadlineRow.line(for: headline, width: 80, settings: sourceOnly).text
                .hasPrefix("N  NOS Nieuws   19 Jun 11:29 Poetin"))
        #expect(HeadlineRow.line(for: headline, width: 80, settings: LayoutSettings(columns: [])).text
                .hasPrefix("N  Poetin in Vietnam"))
    }

    /// A date pattern sets the column's width to its widest date, in the
    /// interface's language; a date without the parts it needs is written
    /// in krant's own short form.
    @Test func aDatePatternShapesTheDateColumn() throws {
        let settings = LayoutSettings(dateFormat: try DateFormat(pattern: "%d/%m"))
        #expect(HeadlineRow.line(for: headline, width: 80, settings: settings).text.hasPrefix("N  19/06 NOS Nieuws   Poetin"))
        let monthOnly = Headline(id: 2, title: "Oud", published: PublishedDate(year: 2024, month: 6))
        let long = LayoutSettings(dateFormat: try DateFormat(pattern: "%A %e %B"))
        // "donderdag 26 september" is the widest: 22 columns.
        #expect(HeadlineRow.line(for: headline, width: 80, settings: long, language: .dutch).text
                .hasPrefix("N  woensdag 19 juni       NOS Nieuws   Poetin"))
        #expect(HeadlineRow.line(for: monthOnly, width: 80, settings: long, language: .dutch).text
                .hasPrefix("N  jun 2024" + String(repeating: " ", count: 15) + String(repeating: " ", count: 13) + "Oud"))
    }

    /// Side by side from the configured width, with the list's share; the
    /// article text a readable column centred in a wider pane.
    @Test func screenLayoutFollowsTheSettings() {
        let standard = ScreenLayout(width: 139, height: 40, fullScreenArticle: false)
        #expect(!standard.isSideBySide)
        #expect(standard.articleTextWidth == 80)
        #expect(standard.articleTextX == (139 - 80) / 2)
        let settings = LayoutSettings(sideBySideWidth: 100, listPercent: 30, articleWidth: 60)
        let layout = ScreenLayout(width: 100, height: 40, fullScreenArticle: false, settings: settings)
        #expect(layout.isSideBySide)
        #expect(layout.list?.width == 30)
        #expect(layout.article == Rect(x: 31, y: 0, width: 69, height: 39))
        #expect(layout.articleTextWidth == 60)
        #expect(layout.articleTextX == 31 + (69 - 60) / 2)
        // Stacked, the share is of the height; a narrow pane keeps its margin.
        let stacked = ScreenLayout(width: 60, height: 41, fullScreenArticle: false, settings: settings)
        #expect(stacked.list?.height == 12)
        #expect(stacked.articleTextWidth == 58)
        #expect(stacked.articleTextX == 1)
    }
}

/// A saved article's own time words follow the interface's language.
@Suite struct WhenTextTests {
    @Test func englishSaysTheDutchWordsInEnglish() {
        #expect(WhenText.long("vandaag, 11:29", language: .english) == "today, 11:29")
        #expect(WhenText.long("eergisteren, 22:05", language: .english) == "the day before yesterday, 22:05")
        #expect(WhenText.long("zaterdag, 10:00", language: .english) == "Saturday, 10:00")
        #expect(WhenText.long("12 mei 2024, 08:15", language: .english) == "12 May 2024, 08:15")
        #expect(WhenText.short("gisteren, 22:05", language: .english) == "yest. 22:05")
        #expect(WhenText.short("eergisteren, 22:05", language: .english) == "2d ago 22:05")
        #expect(WhenText.short("zaterdag om 10:00 uur", language: .english) == "Sat 10:00")
        // Dutch keeps the article's words; words krant cannot read stay too.
        #expect(WhenText.long("eergisteren, 22:05", language: .dutch) == "eergisteren, 22:05")
        #expect(WhenText.short("ergens vorige week", language: .english) == "ergens vorige week")
    }
}
