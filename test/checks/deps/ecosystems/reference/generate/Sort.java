// Sorts versions (one per line on stdin) with Maven's own ComparableVersion and prints them in
// ascending order, one line per group of versions Maven finds equal.
// java -cp /usr/share/maven/lib/maven-artifact-3.x.jar Sort.java < versions
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;

public class Sort {
  public static void main(String[] args) throws Exception {
    List<String> versions = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    for (String line; (line = in.readLine()) != null; ) if (!line.isEmpty()) versions.add(line);
    versions.sort((a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b)));
    // The sort is only a reference if the order is total on these versions: check every pair.
    List<Integer> rank = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++)
      rank.add(i > 0 && new ComparableVersion(versions.get(i - 1)).compareTo(new ComparableVersion(versions.get(i))) == 0 ? rank.get(i - 1) : i);
    for (int i = 0; i < versions.size(); i++)
      for (int j = 0; j < versions.size(); j++) {
        int order = Integer.signum(new ComparableVersion(versions.get(i)).compareTo(new ComparableVersion(versions.get(j))));
        if (order != Integer.signum(rank.get(i) - rank.get(j)))
          throw new IllegalStateException("Maven orders these versions inconsistently: " + versions.get(i) + " vs " + versions.get(j));
      }
    StringBuilder group = new StringBuilder();
    for (int i = 0; i < versions.size(); i++) {
      if (i > 0 && new ComparableVersion(versions.get(i - 1)).compareTo(new ComparableVersion(versions.get(i))) != 0) {
        System.out.println(group);
        group.setLength(0);
      }
      if (group.length() > 0) group.append(' ');
      group.append(versions.get(i));
    }
    if (group.length() > 0) System.out.println(group);
  }
}
