package io.omnihub.system.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The repository as the deployment descriptors must match it: its modules, versions and services' configuration. */
final class Repository {

    /** Modules that are libraries or tests, not deployable services; every other module must be deployed. */
    static final Set<String> NOT_SERVICES =
            Set.of("contracts", "platform", "local-stack", "test-support", "system-tests", "benchmarks");

    private final Path root;

    private final Element project;

    private final Map<String, ServiceConfig> services = new ConcurrentHashMap<>();

    private Repository(Path root) {
        this.root = root;
        this.project = parsePom(root.resolve("pom.xml"));
    }

    /** The repository root: the nearest directory at or above the working directory that holds docker-compose.yml. */
    static Repository locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("no directory at or above " + start + " holds docker-compose.yml and pom.xml");
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The modules of the root POM, in build order. */
    List<String> modules() {
        List<String> modules = new ArrayList<>();
        NodeList nodes = project.getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    /** The modules that run as services: every module but the libraries and tests. */
    List<String> serviceModules() {
        return modules().stream().filter(module -> !NOT_SERVICES.contains(module)).toList();
    }

    /** The release the images are tagged with: the project version without -SNAPSHOT. */
    String releaseVersion() {
        return childText(project, "version").replace("-SNAPSHOT", "");
    }

    /** A property of the root POM, e.g. the Kafka broker version the embedded stack runs. */
    String property(String name) {
        Element properties = child(project, "properties");
        if (properties == null || child(properties, name) == null) {
            throw new IllegalStateException("the root pom.xml has no property " + name);
        }
        return childText(properties, name);
    }

    ServiceConfig service(String module) {
        return services.computeIfAbsent(module, name -> ServiceConfig.read(name,
                resolve(name + "/src/main/resources/application.yml"),
                resolve("platform/src/main/resources/" + ServiceConfig.PLATFORM_CONFIG)));
    }

    private static Element parsePom(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        }
        catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException ex) {
            throw new IllegalStateException("cannot read " + pom + ": " + ex.getMessage(), ex);
        }
    }

    /** A direct child element: the project's own version, not its parent's. */
    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
        }
        return child.getTextContent().trim();
    }
}
