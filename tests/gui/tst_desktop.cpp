#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QImageReader>
#include <QTest>

// The application icon is an SVG: it must be drawn (Qt SVG's icon engine / image plugin), at any size.
class tst_desktop : public QObject
{
    Q_OBJECT

private slots:
    void svgSupported()
    {
        QVERIFY2(QImageReader::supportedImageFormats().contains("svg"),
                 "Qt SVG's image format plugin is missing (Debian: qt6-svg-dev / libqt6svg6)");
    }
    void iconRendersAtEverySize_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("16") << 16;
        QTest::newRow("48") << 48;
        QTest::newRow("256") << 256;
    }
    void iconRendersAtEverySize()
    {
        QFETCH(int, size);
        const QIcon icon(QStringLiteral(":/netpoke.svg"));
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(size, size).toImage();
        QCOMPARE(image.width(), size);
        // The blue rounded square fills the left edge's middle; the corner is transparent.
        const QColor inside = image.pixelColor(size / 8, size / 2);
        QVERIFY2(qAbs(inside.red() - 0x1f) < 16 && qAbs(inside.green() - 0x6f) < 16 && qAbs(inside.blue() - 0xeb) < 16,
                 qPrintable(inside.name()));
        QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
    }
};

QTEST_MAIN(tst_desktop)
#include "tst_desktop.moc"
